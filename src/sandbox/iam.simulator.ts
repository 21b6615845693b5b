import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { IamTokenRegistry } from './iam-tokens';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';
import {
  bodyOf,
  createSimulatorServer,
  SimulatedError,
  type SimulatedReply,
  type SimulatorContext,
  type UpstreamProfile,
} from './simulator-server';

/**
 * Huawei Cloud IAM `POST /v3/auth/tokens` with the password method (Keystone v3 shapes): a
 * project-scoped token in `X-Subject-Token`, registered for the Workspace simulators to check.
 * Only password identities and project scopes are simulated (no agency/assume_role, no unscoped tokens).
 */

export interface IamSimulatorContext extends SimulatorContext {
  iamTokens: IamTokenRegistry;
  passwords: Record<SandboxTeamKey, string>;
}

const WORKSPACE = SANDBOX_WORLD.workspace;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'The request you have made requires authentication.',
  404: 'The resource could not be found.',
};

function keystoneReply(status: number, message?: string): SimulatedReply {
  const text = message ?? DEFAULT_MESSAGES[status] ?? 'The service could not complete the request.';
  return {
    status,
    body: { error: { message: text, code: status, title: TITLES[status] ?? 'Error' } },
  };
}

const keystoneError = (status: number, message?: string) =>
  new SimulatedError(keystoneReply(status, message));

const IAM_PROFILE: UpstreamProfile = {
  target: 'iam',
  sendsRequestId: true,
  errorReply: (status) => keystoneReply(status),
  authFailureReply: () => keystoneReply(401),
};

const domainRef = z.union([
  z.strictObject({ name: z.string().min(1) }),
  z.strictObject({ id: z.string().min(1) }),
]);

const passwordAuthSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.tuple([z.literal('password')]),
      password: z.object({
        user: z.object({ name: z.string().min(1), password: z.string().min(1), domain: domainRef }),
      }),
    }),
    scope: z.object({
      project: z.union([
        z.strictObject({ id: z.string().min(1) }),
        z.strictObject({ name: z.string().min(1) }),
      ]),
    }),
  }),
});

export function createIamSimulator(ctx: IamSimulatorContext): FastifyInstance {
  const app = createSimulatorServer(IAM_PROFILE, ctx);

  app.post('/v3/auth/tokens', (request, reply) => {
    const body = bodyOf(request);
    const parsed = passwordAuthSchema.safeParse(body.kind === 'json' ? body.value : undefined);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      throw keystoneError(
        400,
        `Invalid input for field '${issue.path.join('.') || 'auth'}': ${issue.message}`,
      );
    }
    const { user, scope } = {
      user: parsed.data.auth.identity.password.user,
      scope: parsed.data.auth.scope,
    };

    const team = (Object.keys(WORKSPACE.users) as SandboxTeamKey[]).find(
      (key) => WORKSPACE.users[key].userName === user.name,
    );
    const domainMatches =
      'name' in user.domain
        ? user.domain.name === WORKSPACE.domainName
        : user.domain.id === WORKSPACE.domainId;
    if (!team || !domainMatches || ctx.passwords[team] !== user.password) {
      throw keystoneError(401, 'The username or password is wrong.');
    }

    const projectId = WORKSPACE.users[team].projectId;
    const requested = 'id' in scope.project ? scope.project.id : scope.project.name;
    if (requested !== projectId && requested !== WORKSPACE.region) {
      throw keystoneError(401, `User ${userId(user.name)} has no access to project ${requested}.`);
    }

    const issued = ctx.iamTokens.issue(projectId);
    const domain = { name: WORKSPACE.domainName, id: WORKSPACE.domainId };
    return reply
      .code(201)
      .header('x-subject-token', issued.token)
      .send({
        token: {
          expires_at: microsecondTimestamp(issued.expiresAt),
          issued_at: microsecondTimestamp(issued.issuedAt),
          methods: ['password'],
          project: { id: projectId, name: WORKSPACE.region, domain },
          user: { name: user.name, id: userId(user.name), domain, password_expires_at: '' },
        },
      });
  });

  return app;
}

/** A stable 32-hex user id per user name. */
function userId(userName: string): string {
  return createHash('md5').update(userName).digest('hex');
}

/** IAM's timestamps carry microseconds: 2023-06-28T08:56:33.710000Z. */
function microsecondTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}

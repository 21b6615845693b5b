import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { IamTokenRegistry, IssuedToken } from './iam-tokens';
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
 * Huawei Cloud IAM `POST /v3/auth/tokens` (Keystone v3 shapes), token in `X-Subject-Token`,
 * registered for the Workspace simulators to check:
 * - `password`: a project-scoped or account (domain)-scoped token for an IAM user;
 * - `assume_role`: with a domain-scoped token of the delegated account's user in `X-Auth-Token`, a
 *   project-scoped token of the delegating account (the agency).
 * Unscoped tokens are not simulated.
 */

export interface IamSimulatorContext extends SimulatorContext {
  iamTokens: IamTokenRegistry;
  passwords: Record<SandboxTeamKey, string>;
  /** Password of the agency's delegated user (gateway-ops/gateway-svc). */
  agencyPassword: string;
}

const WORKSPACE = SANDBOX_WORLD.workspace;
const AGENCY = WORKSPACE.agency;

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
  postsAreWrites: false,
  // Throttling is answered by the API gateway in front of IAM, in its own shape.
  errorReply: (status, requestId) =>
    status === 429
      ? {
          status,
          body: {
            error_msg: 'The throttling threshold has been reached',
            error_code: 'APIGW.0308',
            request_id: requestId,
          },
        }
      : keystoneReply(status),
  authFailureReply: () => keystoneReply(401),
};

const domainRef = z.union([
  z.strictObject({ name: z.string().min(1) }),
  z.strictObject({ id: z.string().min(1) }),
]);

const projectScope = z.union([
  z.strictObject({ id: z.string().min(1) }),
  z.strictObject({ name: z.string().min(1) }),
]);

const passwordAuthSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.tuple([z.literal('password')]),
      password: z.object({
        user: z.object({ name: z.string().min(1), password: z.string().min(1), domain: domainRef }),
      }),
    }),
    scope: z.union([
      z.strictObject({ project: projectScope }),
      z.strictObject({ domain: domainRef }),
    ]),
  }),
});

const assumeRoleAuthSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.tuple([z.literal('assume_role')]),
      assume_role: z
        .object({
          domain_name: z.string().min(1).optional(),
          domain_id: z.string().min(1).optional(),
          agency_name: z.string().min(1),
          duration_seconds: z.number().int().min(900).max(86_400).optional(),
        })
        .refine(
          (role) => role.domain_name || role.domain_id,
          'domain_name or domain_id is required',
        ),
    }),
    scope: z.strictObject({ project: z.strictObject({ id: z.string().min(1) }) }),
  }),
});

/** A password identity the simulated IAM knows, and the project it may scope to (if any). */
interface KnownUser {
  name: string;
  domainName: string;
  domainId: string;
  password: string;
  projectId?: string;
}

export function createIamSimulator(ctx: IamSimulatorContext): FastifyInstance {
  const app = createSimulatorServer(IAM_PROFILE, ctx);
  const users: KnownUser[] = [
    ...(Object.keys(WORKSPACE.users) as SandboxTeamKey[]).map((team) => ({
      name: WORKSPACE.users[team].userName,
      domainName: WORKSPACE.domainName,
      domainId: WORKSPACE.domainId,
      password: ctx.passwords[team],
      projectId: WORKSPACE.users[team].projectId,
    })),
    {
      name: AGENCY.userName,
      domainName: AGENCY.delegatedDomainName,
      domainId: AGENCY.delegatedDomainId,
      password: ctx.agencyPassword,
    },
  ];

  app.post('/v3/auth/tokens', (request, reply) => {
    const body = bodyOf(request);
    const json = body.kind === 'json' ? body.value : undefined;
    const methods = (json as { auth?: { identity?: { methods?: unknown } } })?.auth?.identity
      ?.methods;
    const issued =
      Array.isArray(methods) && methods[0] === 'assume_role'
        ? assumeRole(request.headers['x-auth-token'], parse(assumeRoleAuthSchema, json).auth)
        : passwordToken(parse(passwordAuthSchema, json).auth);
    return reply
      .code(201)
      .header('x-subject-token', issued.token)
      .send({ token: tokenBody(issued) });
  });

  function passwordToken(auth: z.infer<typeof passwordAuthSchema>['auth']): IssuedToken {
    const claimed = auth.identity.password.user;
    const user = users.find(
      (candidate) =>
        candidate.name === claimed.name &&
        ('name' in claimed.domain
          ? claimed.domain.name === candidate.domainName
          : claimed.domain.id === candidate.domainId),
    );
    if (!user || user.password !== claimed.password) {
      throw keystoneError(401, 'The username or password is wrong.');
    }
    if ('domain' in auth.scope) {
      const domain = auth.scope.domain;
      const own = 'name' in domain ? domain.name === user.domainName : domain.id === user.domainId;
      if (!own) throw keystoneError(401, `User ${userId(user.name)} has no access to domain.`);
      return ctx.iamTokens.issue({ domain: user.domainName }, user.name);
    }
    const project = auth.scope.project;
    const requested = 'id' in project ? project.id : project.name;
    if (!user.projectId || (requested !== user.projectId && requested !== WORKSPACE.region)) {
      throw keystoneError(401, `User ${userId(user.name)} has no access to project ${requested}.`);
    }
    return ctx.iamTokens.issue({ project: user.projectId }, user.name);
  }

  function assumeRole(
    subjectToken: string | string[] | undefined,
    auth: z.infer<typeof assumeRoleAuthSchema>['auth'],
  ): IssuedToken {
    if (typeof subjectToken !== 'string' || subjectToken === '') throw keystoneError(401);
    const check = ctx.iamTokens.check(subjectToken);
    if (check.state !== 'valid') throw keystoneError(401);
    const { scope, subject } = check.token;
    if (!('domain' in scope) || scope.domain !== AGENCY.delegatedDomainName) {
      throw keystoneError(403, 'You are not authorized to perform the requested action.');
    }
    const role = auth.identity.assume_role;
    const domainMatches =
      role.domain_name === WORKSPACE.domainName || role.domain_id === WORKSPACE.domainId;
    if (!domainMatches || role.agency_name !== AGENCY.name) {
      throw keystoneError(404, 'Could not find agency.');
    }
    const projectId = auth.scope.project.id;
    const owned = Object.values(WORKSPACE.users).some((user) => user.projectId === projectId);
    if (!owned) throw keystoneError(401, `Agency has no access to project ${projectId}.`);
    return ctx.iamTokens.issue(
      { project: projectId },
      `${WORKSPACE.domainName}/${AGENCY.name}/${subject}`,
      role.duration_seconds ?? 86_400,
    );
  }

  return app;
}

function parse<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw keystoneError(
    400,
    `Invalid input for field '${issue.path.join('.') || 'auth'}': ${issue.message}`,
  );
}

function tokenBody(issued: IssuedToken) {
  const domain =
    'domain' in issued.scope && issued.scope.domain === AGENCY.delegatedDomainName
      ? { name: AGENCY.delegatedDomainName, id: AGENCY.delegatedDomainId }
      : { name: WORKSPACE.domainName, id: WORKSPACE.domainId };
  return {
    expires_at: microsecondTimestamp(issued.expiresAt),
    issued_at: microsecondTimestamp(issued.issuedAt),
    methods: [issued.subject.includes('/') ? 'assume_role' : 'password'],
    ...('project' in issued.scope
      ? { project: { id: issued.scope.project, name: WORKSPACE.region, domain } }
      : { domain }),
    user: { name: issued.subject, id: userId(issued.subject), domain, password_expires_at: '' },
  };
}

/** A stable 32-hex user id per user name. */
function userId(userName: string): string {
  return createHash('md5').update(userName).digest('hex');
}

/** IAM's timestamps carry microseconds: 2023-06-28T08:56:33.710000Z. */
function microsecondTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, '000Z');
}

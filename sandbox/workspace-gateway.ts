import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { isAkSkRequest, verifyAkSk, type SandboxAccessKey } from './aksk-verifier';
import type { IamTokenRegistry } from './iam-tokens';
import type { SandboxTarget } from './sandbox-faults';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';
import {
  bodyOf,
  requestIdOf,
  SimulatedError,
  type SimulatedReply,
  type SimulatorContext,
  type UpstreamProfile,
} from './simulator-server';

/**
 * What the Workspace (App Center) and WorkspaceApp (App Warehouse) simulators share: Huawei's API
 * gateway in front of them (token check, `APIGW.*` errors, `X-Request-Id`) and the service's
 * `{"error_code":"WKS.…","error_msg"}` errors, body parsing and paging.
 */
export interface WorkspaceSimulatorContext extends SimulatorContext {
  iamTokens: IamTokenRegistry;
  /** Access keys by AK, for requests signed with SDK-HMAC-SHA256. */
  accessKeys: ReadonlyMap<string, SandboxAccessKey>;
}

export interface WorkspaceProject {
  team: SandboxTeamKey;
  projectId: string;
  tenantId: string;
}

/** Invalid parameter: the service's catch-all validation code. */
export const WKS_INVALID_PARAMETER = 'WKS.00211807';

export function wksError(status: number, code: string, message: string): SimulatedError {
  return new SimulatedError({ status, body: { error_code: code, error_msg: message } });
}

function apigwReply(
  status: number,
  code: string,
  message: string,
  requestId: string,
): SimulatedReply {
  return { status, body: { error_code: code, error_msg: message, request_id: requestId } };
}

const tokenFailure = (reason: string, requestId: string): SimulatedReply =>
  apigwReply(401, 'APIGW.0301', `Incorrect IAM authentication information: ${reason}`, requestId);

export function workspaceProfile(
  target: Extract<SandboxTarget, 'app-center' | 'app-warehouse'>,
): UpstreamProfile {
  return {
    target,
    sendsRequestId: true,
    postsAreWrites: true,
    errorReply: (status, requestId) => {
      switch (status) {
        case 401:
          return tokenFailure('verify token failed', requestId);
        case 403:
          return apigwReply(
            403,
            'APIGW.0302',
            'The IAM user is not authorized to access the API',
            requestId,
          );
        case 404:
          return apigwReply(
            404,
            'APIGW.0101',
            'The API does not exist or has not been published',
            requestId,
          );
        case 429:
          return apigwReply(
            429,
            'APIGW.0308',
            'The throttling threshold has been reached',
            requestId,
          );
        default:
          return {
            status,
            body: {
              error_code: `WKS.${String(status).padStart(4, '0')}`,
              error_msg: `Request failed (${status})`,
            },
          };
      }
    },
    authFailureReply: (requestId) => tokenFailure('token expires', requestId),
    jobFailureReply: () => ({
      status: 200,
      body: {
        error_code: 'WKS.00211102',
        error_msg: 'The number of applications exceeds the upper limit.',
      },
    }),
  };
}

/**
 * The API gateway's check of the caller: either `X-Auth-Token`, which must be a token the IAM
 * simulator issued, neither expired nor revoked, scoped to the project in the path; or an AK/SK
 * signature, valid for the request as received, whose signed `X-Project-Id` is that project and
 * one the key's owner may use.
 */
export function authorizeProject(
  request: FastifyRequest,
  ctx: WorkspaceSimulatorContext,
  projectId: string,
): WorkspaceProject {
  const requestId = requestIdOf(request);
  const granted = isAkSkRequest(request)
    ? signedProject(request, ctx, requestId)
    : tokenProject(request, ctx.iamTokens, requestId);
  const project = workspaceProject(projectId);
  if (granted !== projectId || !project) {
    throw new SimulatedError(
      apigwReply(
        403,
        'APIGW.0302',
        'The IAM user is not authorized to access the API: project mismatch',
        requestId,
      ),
    );
  }
  return project;
}

function tokenProject(
  request: FastifyRequest,
  iamTokens: IamTokenRegistry,
  requestId: string,
): string | undefined {
  const token = request.headers['x-auth-token'];
  if (typeof token !== 'string' || token === '') {
    throw new SimulatedError(tokenFailure('x-auth-token not found', requestId));
  }
  const check = iamTokens.check(token);
  if (check.state === 'unknown')
    throw new SimulatedError(tokenFailure('decrypt token fail', requestId));
  if (check.state === 'expired') throw new SimulatedError(tokenFailure('token expires', requestId));
  if (check.state === 'revoked')
    throw new SimulatedError(tokenFailure('token has been revoked', requestId));
  const { scope } = check.token;
  return 'project' in scope ? scope.project : undefined;
}

function signedProject(
  request: FastifyRequest,
  ctx: WorkspaceSimulatorContext,
  requestId: string,
): string | undefined {
  const check = verifyAkSk(request, ctx.accessKeys);
  if (!check.ok) {
    const message =
      check.code === 'APIGW.0303'
        ? `Incorrect app authentication information: ${check.reason}`
        : `Incorrect IAM authentication information: ${check.reason}`;
    throw new SimulatedError(apigwReply(401, check.code, message, requestId));
  }
  return check.projectHeader === check.key.projectId ? check.projectHeader : undefined;
}

export function workspaceProject(projectId: string): WorkspaceProject | undefined {
  const users = SANDBOX_WORLD.workspace.users;
  const team = (Object.keys(users) as SandboxTeamKey[]).find(
    (key) => users[key].projectId === projectId,
  );
  return team && { team, projectId, tenantId: users[team].tenantId };
}

/** Parses a JSON body against the operation's schema; the first problem becomes a WKS error. */
export function parseWorkspaceBody<T>(request: FastifyRequest, schema: z.ZodType<T>): T {
  const body = bodyOf(request);
  if (body.kind === 'absent') throw wksError(400, 'WKS.0001', 'The request body is empty.');
  if (body.kind === 'unsupported') {
    throw wksError(
      415,
      WKS_INVALID_PARAMETER,
      `Unsupported Content-Type "${body.contentType}"; use application/json.`,
    );
  }
  if (body.kind === 'invalid-json') {
    throw wksError(
      400,
      WKS_INVALID_PARAMETER,
      `The request body is not valid JSON: ${body.reason}`,
    );
  }
  const parsed = schema.safeParse(body.value, {
    error: (issue) =>
      issue.input === undefined && issue.code === 'invalid_type' ? 'is required' : undefined,
  });
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue.path.join('.') || 'body';
  throw wksError(400, WKS_INVALID_PARAMETER, `Invalid parameter ${field}: ${issue.message}`);
}

export interface Paging {
  offset: number;
  limit: number;
}

/** Query parameters as Fastify parses them: a name given twice gives an array. */
export type WorkspaceQuery = Record<string, string | string[] | undefined>;

/**
 * One query parameter of a Workspace API. No seed documents a repeated parameter, so it is treated
 * as the service treats any invalid parameter: 400 `WKS.00211807`.
 */
export function queryParam(query: WorkspaceQuery, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) {
    throw wksError(400, WKS_INVALID_PARAMETER, `Invalid parameter ${name}: must be given once`);
  }
  return value;
}

/** `offset` ≥ 0 (default 0) and `limit` 1–100 (default 10), as the Workspace list APIs take them. */
export function parsePaging(query: WorkspaceQuery): Paging {
  const offset = integerParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = integerParam(query, 'limit', 10, 1, 100);
  return { offset, limit };
}

function integerParam(
  query: WorkspaceQuery,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = queryParam(query, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw wksError(
      400,
      WKS_INVALID_PARAMETER,
      `Invalid parameter ${name}: must be an integer from ${min} to ${max}`,
    );
  }
  return value;
}

/** The page of `items` that `paging` selects. */
export function page<T>(items: readonly T[], paging: Paging): T[] {
  return items.slice(paging.offset, paging.offset + paging.limit);
}

/** Echoes only the fields that were given: null and absent optional fields are left out. */
export function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  );
}

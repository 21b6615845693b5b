import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { UpstreamPipeline } from '../upstream/upstream-pipeline';
import type { RequestSigner, UpstreamResponse } from '../upstream/http/upstream-http';
import { UpstreamError } from '../upstream/upstream.error';
import type { WorkspaceTeamConfig } from '../config/gateway-config.schema';
import { signRequest } from '../upstream/auth/aksk-signer';
import { IamTokenService } from '../upstream/auth/iam-token.service';
import { withTokenRetry } from '../upstream/auth/token-retry';
import { workspaceProblem } from './workspace-error.mapper';
import {
  parseWorkspaceError,
  workspaceErrorSchema,
  type WorkspaceErrorBody,
} from './workspace.wire';

export interface WorkspaceCall<T> {
  provider: 'app-center' | 'app-warehouse';
  operation: string;
  url: string;
  timeoutMs: number;
  schema: z.ZodType<T>;
}
export type WorkspacePost<T> = WorkspaceCall<T> & { body: unknown };
export type WorkspaceGet<T> = WorkspaceCall<T> & { query?: Record<string, string> };
type WorkspaceRequest<T> = WorkspaceCall<T> & {
  method: 'GET' | 'POST';
  body?: unknown;
  query?: Record<string, string>;
};

type Outcome<T> = { ok: true; data: T } | { ok: false; failure: WorkspaceErrorBody };

/**
 * Calls Workspace or WorkspaceApp as the team's account: with its IAM token (repeated
 * once with a fresh token when the upstream rejects the token, which means it did not process the
 * call), or signed with its AK/SK.
 */
@Injectable()
export class WorkspaceClient {
  constructor(
    private readonly upstream: UpstreamPipeline,
    private readonly tokens: IamTokenService,
  ) {}

  post<T>(account: WorkspaceTeamConfig, call: WorkspacePost<T>): Promise<T> {
    return this.call(account, { ...call, method: 'POST' });
  }

  get<T>(account: WorkspaceTeamConfig, call: WorkspaceGet<T>): Promise<T> {
    return this.call(account, { ...call, method: 'GET' });
  }

  private call<T>(account: WorkspaceTeamConfig, call: WorkspaceRequest<T>): Promise<T> {
    const { auth } = account;
    if (auth.type === 'aksk') {
      const credentials = {
        accessKey: auth.accessKey,
        secretKey: auth.secretKey,
        securityToken: auth.securityToken,
      };
      return this.send(account, call, { 'x-project-id': account.projectId }, (request) =>
        signRequest(request, credentials, new Date()),
      );
    }
    return withTokenRetry(this.tokens.tokensFor({ ...account, auth }), (token) =>
      this.send(account, call, { 'x-auth-token': token }),
    );
  }

  private async send<T>(
    account: WorkspaceTeamConfig,
    call: WorkspaceRequest<T>,
    authHeaders: Record<string, string>,
    sign?: RequestSigner,
  ): Promise<T> {
    const response = await this.upstream.send({
      provider: call.provider,
      operation: call.operation,
      account: account.projectId,
      idempotent: call.method === 'GET',
      method: call.method,
      url: call.url,
      headers:
        call.body === undefined
          ? authHeaders
          : { 'content-type': 'application/json', ...authHeaders },
      query: call.query,
      body: call.body,
      timeoutMs: call.timeoutMs,
      schema: successOrJobFailure(call.schema),
      parseError: parseWorkspaceError,
      sign,
    });
    return unwrap(call.provider, response);
  }
}

/**
 * Some Workspace failures arrive as a 200 whose body is an error body. Such a body is recognized
 * first; anything else must match the success schema, whose issues are kept for the 502 detail.
 */
function successOrJobFailure<T>(schema: z.ZodType<T>): z.ZodType<Outcome<T>> {
  return z.unknown().transform((body, ctx): Outcome<T> => {
    const failure = workspaceErrorSchema.safeParse(body);
    if (failure.success) return { ok: false, failure: failure.data };
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, data: parsed.data };
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  });
}

function unwrap<T>(
  provider: WorkspaceCall<T>['provider'],
  response: UpstreamResponse<Outcome<T>>,
): T {
  const outcome = response.data;
  if (outcome.ok) return outcome.data;
  const { error_code: code, error_msg: message } = outcome.failure;
  throw new UpstreamError(provider, 'response', message ?? `${provider} reported ${code}`, {
    status: response.status,
    code,
    problem: workspaceProblem(code),
    requestId: response.requestId,
  });
}

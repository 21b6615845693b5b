import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { sendUpstream, type UpstreamResponse } from '../common/upstream-http';
import { UpstreamError } from '../common/upstream.error';
import { IamTokenService } from '../iam/iam-token.service';
import type { TeamContext } from '../teams/team-context';
import {
  parseWorkspaceError,
  workspaceErrorSchema,
  type WorkspaceErrorBody,
} from './workspace.wire';

export interface WorkspacePost<T> {
  provider: 'app-center' | 'app-warehouse';
  url: string;
  body: unknown;
  timeoutMs: number;
  schema: z.ZodType<T>;
}

/**
 * 401 codes that are not about our token: retrying with a new token cannot help.
 * WKS.00211302: the OBS bucket is not authorized for App Center yet.
 */
const NOT_TOKEN_REJECTIONS = new Set(['WKS.00211302']);

type Outcome<T> = { ok: true; data: T } | { ok: false; failure: WorkspaceErrorBody };

/**
 * Sends a POST to Workspace or WorkspaceApp with the team's IAM token. When the upstream rejects
 * the token (401) it was not processed, so the call is repeated once with a fresh token.
 */
@Injectable()
export class WorkspaceClient {
  constructor(
    private readonly http: HttpService,
    private readonly tokens: IamTokenService,
  ) {}

  async post<T>(team: TeamContext, call: WorkspacePost<T>): Promise<T> {
    const token = await this.tokens.getToken(team);
    try {
      return await this.send(call, token);
    } catch (error) {
      if (!isTokenRejection(error)) throw error;
      this.tokens.invalidate(team, token);
      return this.send(call, await this.tokens.getToken(team));
    }
  }

  private async send<T>(call: WorkspacePost<T>, token: string): Promise<T> {
    const response = await sendUpstream(this.http, {
      provider: call.provider,
      method: 'POST',
      url: call.url,
      headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      body: call.body,
      timeoutMs: call.timeoutMs,
      schema: successOrJobFailure(call.schema),
      parseError: parseWorkspaceError,
    });
    return unwrap(call.provider, response);
  }
}

function isTokenRejection(error: unknown): boolean {
  return (
    error instanceof UpstreamError &&
    error.isAuthFailure &&
    error.status === 401 &&
    !NOT_TOKEN_REJECTIONS.has(error.details.code ?? '')
  );
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
  provider: WorkspacePost<T>['provider'],
  response: UpstreamResponse<Outcome<T>>,
): T {
  const outcome = response.data;
  if (outcome.ok) return outcome.data;
  const { error_code: code, error_msg: message } = outcome.failure;
  throw new UpstreamError(provider, 'response', message ?? `${provider} reported ${code}`, {
    status: response.status,
    code,
    requestId: response.requestId,
  });
}

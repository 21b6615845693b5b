import { HttpService } from '@nestjs/axios';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig, WorkspaceTeamConfig } from '../config/gateway-config.schema';
import { encodePath, sendUpstream, upstreamUrl } from '../common/upstream-http';
import { UpstreamError } from '../common/upstream.error';
import { iamTokenResponseSchema, parseIamError, passwordTokenRequest } from './iam.wire';

export interface IamToken {
  token: string;
  expiresAt: Date;
}

/** The only place that talks to IAM. Never puts the password or the token into an error. */
@Injectable()
export class IamClient {
  constructor(
    private readonly http: HttpService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Obtains a project-scoped user token with the account's password identity. */
  async issueToken(account: WorkspaceTeamConfig): Promise<IamToken> {
    const response = await sendUpstream(this.http, {
      provider: 'iam',
      method: 'POST',
      url: upstreamUrl(account.endpoints.iam, encodePath`/v3/auth/tokens`),
      headers: { 'content-type': 'application/json' },
      body: passwordTokenRequest(account.auth, account.projectId),
      timeoutMs: this.config.upstreams.iam.timeoutMs,
      schema: iamTokenResponseSchema,
      parseError: parseIamError,
      okStatuses: [201],
    });
    const token = response.headers['x-subject-token'];
    if (!token) {
      throw new UpstreamError(
        'iam',
        'bad-body',
        'iam answered 201 without an X-Subject-Token header',
        {
          status: response.status,
          requestId: response.requestId,
        },
      );
    }
    return { token, expiresAt: new Date(response.data.token.expires_at) };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../../config/config.tokens';
import type { GatewayConfig } from '../../config/gateway-config.schema';
import { UpstreamPipeline } from '../upstream-pipeline';
import { encodePath, upstreamUrl } from '../http/upstream-http';
import { UpstreamError } from '../upstream.error';
import {
  assumeRoleTokenRequest,
  iamTokenResponseSchema,
  parseIamError,
  passwordTokenRequest,
  type IamAgency,
  type IamPasswordIdentity,
  type IamScope,
} from './iam.wire';

export interface IamToken {
  token: string;
  expiresAt: Date;
}

/** The only place that talks to IAM. Never puts a password or a token into an error. */
@Injectable()
export class IamClient {
  constructor(
    private readonly upstream: UpstreamPipeline,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** A token for an IAM user's password identity, scoped to a project or to the user's account. */
  passwordToken(iamUrl: string, identity: IamPasswordIdentity, scope: IamScope): Promise<IamToken> {
    return this.requestToken(iamUrl, 'password-token', identity.domainName, {
      body: passwordTokenRequest(identity, scope),
      headers: {},
    });
  }

  /** A project-scoped agency token, obtained with a domain-scoped token of the delegated user. */
  assumeRoleToken(
    iamUrl: string,
    delegatedUserToken: string,
    agency: IamAgency,
    projectId: string,
  ): Promise<IamToken> {
    return this.requestToken(iamUrl, 'assume-role', agency.domainName, {
      body: assumeRoleTokenRequest(agency, projectId),
      headers: { 'x-auth-token': delegatedUserToken },
    });
  }

  /** A token request is safe to repeat: a second token does not change anything. */
  private async requestToken(
    iamUrl: string,
    operation: 'password-token' | 'assume-role',
    account: string,
    { body, headers }: { body: unknown; headers: Record<string, string> },
  ): Promise<IamToken> {
    const response = await this.upstream.send({
      provider: 'iam',
      operation,
      account,
      idempotent: true,
      method: 'POST',
      url: upstreamUrl(iamUrl, encodePath`/v3/auth/tokens`),
      headers: { 'content-type': 'application/json', ...headers },
      body,
      timeoutMs: this.config.upstreams.iam.timeoutMs,
      schema: iamTokenResponseSchema,
      parseError: parseIamError,
      okStatuses: [201],
    });
    const token = response.headers['x-subject-token'];
    if (!token) {
      throw new UpstreamError('iam', 'bad-body', 'iam answered 201 without an X-Subject-Token', {
        status: response.status,
        requestId: response.requestId,
      });
    }
    return { token, expiresAt: new Date(response.data.token.expires_at) };
  }
}

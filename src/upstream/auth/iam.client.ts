import { Injectable } from '@nestjs/common';
import { encodePath } from '../http/upstream-http';
import { UpstreamSender } from '../upstream-pipeline';
import { UpstreamError } from '../upstream.error';
import { iamTokenAuth, NO_AUTH, type AuthStrategy } from './auth-strategies';
import {
  assumeRoleTokenRequest,
  iamTokenResponseSchema,
  passwordTokenRequest,
  type IamAgency,
  type IamPasswordIdentity,
  type IamScope,
} from './iam.wire';
import type { TokenSource } from './token-retry';

const JSON_BODY = { 'content-type': 'application/json' };
const CREATED = [201];

export interface IamToken {
  token: string;
  expiresAt: Date;
}

/** The only place that talks to IAM. Never puts a password or a token into an error. */
@Injectable()
export class IamClient {
  constructor(private readonly upstream: UpstreamSender) {}

  /** A token for an IAM user's password identity, scoped to a project or to the user's account. */
  passwordToken(iamUrl: string, identity: IamPasswordIdentity, scope: IamScope): Promise<IamToken> {
    return this.requestToken(iamUrl, 'password-token', identity.domainName, {
      body: passwordTokenRequest(identity, scope),
      auth: NO_AUTH,
    });
  }

  /**
   * A project-scoped agency token, obtained with a domain-scoped token of the delegated user. When
   * IAM rejects that token, the pipeline drops it and asks once more with a fresh one, in the same
   * slot, as for any IAM-token call.
   */
  assumeRoleToken(
    iamUrl: string,
    delegatedUser: TokenSource,
    agency: IamAgency,
    projectId: string,
  ): Promise<IamToken> {
    return this.requestToken(iamUrl, 'assume-role', agency.domainName, {
      body: assumeRoleTokenRequest(agency, projectId),
      auth: iamTokenAuth(delegatedUser),
    });
  }

  /** A token request is safe to repeat: a second token does not change anything. */
  private async requestToken(
    iamUrl: string,
    operation: 'password-token' | 'assume-role',
    account: string,
    { body, auth }: { body: unknown; auth: AuthStrategy },
  ): Promise<IamToken> {
    const response = await this.upstream.send(
      'iam',
      { baseUrl: iamUrl, account, auth },
      {
        operation,
        idempotent: true,
        method: 'POST',
        path: encodePath`/v3/auth/tokens`,
        headers: JSON_BODY,
        body,
        schema: iamTokenResponseSchema,
        okStatuses: CREATED,
      },
    );
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

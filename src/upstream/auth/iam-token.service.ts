import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../../config/config.tokens';
import type { GatewayConfig } from '../../config/gateway-config.schema';
import type {
  AgencyAuthConfig,
  PasswordIdentityConfig,
  WorkspaceTeamConfig,
} from '../../workspace/workspace-account.schema';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { IamClient, type IamToken } from './iam.client';
import { SharedIamTokens } from './shared-iam-tokens';
import { TokenCache, type Clock, type TokenEvent } from './token-cache';
import type { TokenSource } from './token-retry';

export const IAM_CLOCK = Symbol('IAM_CLOCK');

/** A Workspace account whose requests carry an IAM token (every auth type but AK/SK). */
export type TokenAccount = WorkspaceTeamConfig & {
  auth: Exclude<WorkspaceTeamConfig['auth'], { type: 'aksk' }>;
};

const REFRESH_RETRY_MS = 30_000;

/**
 * IAM tokens per scope (IAM endpoint + identity + project): a password identity's project token,
 * or an agency token obtained with the delegated user's account-scoped token (itself cached).
 */
@Injectable()
export class IamTokenService {
  private readonly logger = new Logger(IamTokenService.name);
  private readonly cache: TokenCache;

  constructor(
    private readonly client: IamClient,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Optional() @Inject(IAM_CLOCK) now?: Clock,
    @Optional() private readonly metrics?: GatewayMetrics,
    @Optional() private readonly shared: SharedIamTokens = new SharedIamTokens(),
  ) {
    this.cache = new TokenCache(
      {
        expiryMarginMs: config.iam.tokenExpiryMarginSeconds * 1000,
        refreshAheadMs: config.iam.refreshAheadSeconds * 1000,
        refreshRetryMs: REFRESH_RETRY_MS,
      },
      now ?? Date.now,
      (event) => this.observe(event),
    );
  }

  /** The cached token of the account's scope, and the way to drop it when an upstream rejects it. */
  tokensFor(account: TokenAccount): TokenSource {
    const { auth, projectId, endpoints } = account;
    return auth.type === 'password'
      ? this.source(scopeKey(endpoints.iam, 'project', auth, projectId), () =>
          this.client.passwordToken(endpoints.iam, auth, { project: { id: projectId } }),
        )
      : this.source(
          scopeKey(endpoints.iam, 'agency', auth.via, auth.domainName, auth.agencyName, projectId),
          () => this.assumeRole(endpoints.iam, auth, projectId),
        );
  }

  private assumeRole(
    iamUrl: string,
    agency: AgencyAuthConfig,
    projectId: string,
  ): Promise<IamToken> {
    const delegatedUser = this.source(scopeKey(iamUrl, 'domain', agency.via), () =>
      this.client.passwordToken(iamUrl, agency.via, { domain: { name: agency.via.domainName } }),
    );
    return this.client.assumeRoleToken(iamUrl, delegatedUser, agency, projectId);
  }

  private source(scope: string, fetch: () => Promise<IamToken>): TokenSource {
    return {
      get: () => this.cache.get(scope, this.shared.fetchThrough(scope, fetch)),
      invalidate: (token) => {
        this.cache.invalidate(scope, token);
        void this.shared.drop(scope, token);
      },
    };
  }

  private observe(event: TokenEvent): void {
    const kind = event.background ? 'refreshed' : 'fetched';
    if (event.type === 'fetched') {
      this.metrics?.countIamToken(kind, 'ok');
      this.logger.log(`IAM token ${kind} for ${event.scope}`);
    } else {
      this.metrics?.countIamToken(kind, 'error');
      const reason = event.error instanceof Error ? event.error.message : 'unknown error';
      this.logger.warn(
        `IAM token ${kind === 'fetched' ? 'fetch' : 'refresh'} failed for ${event.scope}: ${reason}`,
      );
    }
  }
}

/** Names a scope without any secret: endpoint, identity names and what the token is for. */
function scopeKey(
  iamUrl: string,
  kind: 'project' | 'domain' | 'agency',
  identity: Pick<PasswordIdentityConfig, 'domainName' | 'userName'>,
  ...target: string[]
): string {
  return JSON.stringify([kind, iamUrl, identity.domainName, identity.userName, ...target]);
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig, WorkspaceTeamConfig } from '../config/gateway-config.schema';
import type { TeamContext } from '../teams/team-context';
import { requireWorkspace } from '../workspace/workspace-account';
import { IamClient } from './iam.client';

/** Milliseconds since the epoch; injectable so tests can move time. */
export type Clock = () => number;
export const IAM_CLOCK = Symbol('IAM_CLOCK');

interface CachedToken {
  token: string;
  /** `expires_at` minus the safety margin, in epoch milliseconds. */
  usableUntil: number;
}

/**
 * IAM tokens per scope (IAM endpoint + account + user + project): cached until shortly before they
 * expire, fetched by at most one IAM call per scope at a time, dropped when an upstream rejects them.
 */
@Injectable()
export class IamTokenService {
  private readonly cache = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();
  private readonly now: Clock;

  constructor(
    private readonly client: IamClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Optional() @Inject(IAM_CLOCK) now?: Clock,
  ) {
    this.now = now ?? Date.now;
  }

  async getToken(team: TeamContext): Promise<string> {
    const account = requireWorkspace(team);
    const key = scopeKey(account);
    const cached = this.cache.get(key);
    if (cached && this.now() < cached.usableUntil) {
      return cached.token;
    }
    return (await this.fetchOnce(key, account)).token;
  }

  /** Forgets `token` if it is still the cached one, so concurrent rejections cause one refetch. */
  invalidate(team: TeamContext, token: string): void {
    const key = scopeKey(requireWorkspace(team));
    if (this.cache.get(key)?.token === token) {
      this.cache.delete(key);
    }
  }

  private fetchOnce(key: string, account: WorkspaceTeamConfig): Promise<CachedToken> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetch(key, account).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async fetch(key: string, account: WorkspaceTeamConfig): Promise<CachedToken> {
    const { token, expiresAt } = await this.client.issueToken(account);
    const marginMs = this.config.iam.tokenExpiryMarginSeconds * 1000;
    const entry = { token, usableUntil: expiresAt.getTime() - marginMs };
    this.cache.set(key, entry);
    return entry;
  }
}

function scopeKey(account: WorkspaceTeamConfig): string {
  const { endpoints, auth, projectId } = account;
  return JSON.stringify([endpoints.iam, auth.domainName, auth.userName, projectId]);
}

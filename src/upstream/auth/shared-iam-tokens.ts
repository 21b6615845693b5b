import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { RedisConnection } from '../../redis/redis-connection';
import type { IamToken } from './iam.client';
import type { TokenFetch } from './token-cache';

/** How long one instance may hold the right to fetch a scope's token. */
const LOCK_TTL_MS = 15_000;
const POLL_MS = 50;

/** Deletes a key only if it still holds the given value (a lock we own, a token we saw rejected). */
const DELETE_IF_EQUAL = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

interface StoredToken {
  token: string;
  expiresAt: string;
}

/**
 * IAM tokens shared by every instance through Redis: a cold scope is fetched by the one instance
 * that takes its lock while the others wait for the token it stores, so N instances cost one IAM
 * call per token lifetime, not N. Without Redis (or while it is down) each instance fetches alone.
 * The tokens are bearer credentials: keep Redis on the internal network, with a password.
 */
@Injectable()
export class SharedIamTokens {
  private readonly logger = new Logger(SharedIamTokens.name);

  constructor(@Optional() private readonly redis?: RedisConnection) {}

  /** A TokenFetch that asks Redis (and the other instances) before asking IAM. */
  fetchThrough(scope: string, fetchFromIam: () => Promise<IamToken>): TokenFetch {
    return (replacing) => this.fetch(scope, fetchFromIam, replacing);
  }

  /** Forgets a rejected token for every instance, unless another one replaced it meanwhile. */
  async drop(scope: string, token: string): Promise<void> {
    const client = this.usableClient();
    if (!client) return;
    const stored = await client.get(tokenKey(scope)).catch(() => null);
    if (stored && (JSON.parse(stored) as StoredToken).token === token) {
      await client.eval(DELETE_IF_EQUAL, 1, tokenKey(scope), stored).catch(() => undefined);
    }
  }

  private async fetch(
    scope: string,
    fetchFromIam: () => Promise<IamToken>,
    replacing: string | undefined,
  ): Promise<IamToken> {
    const client = this.usableClient();
    if (!client) return fetchFromIam();
    const lock = randomUUID();
    let locked: boolean;
    try {
      const shared = await this.read(scope, replacing);
      if (shared) return shared;
      locked = (await client.set(lockKey(scope), lock, 'PX', LOCK_TTL_MS, 'NX')) === 'OK';
    } catch (error) {
      this.logger.warn(
        `shared IAM token unavailable (${(error as Error).message}): fetching alone`,
      );
      return fetchFromIam();
    }
    return locked
      ? this.fetchAndShare(scope, fetchFromIam, lock)
      : this.waitForShared(scope, fetchFromIam, replacing);
  }

  private async fetchAndShare(
    scope: string,
    fetchFromIam: () => Promise<IamToken>,
    lock: string,
  ): Promise<IamToken> {
    const client = this.redis!.client!;
    try {
      const token = await fetchFromIam();
      const lifeMs = token.expiresAt.getTime() - Date.now();
      if (lifeMs > 0) {
        const stored: StoredToken = {
          token: token.token,
          expiresAt: token.expiresAt.toISOString(),
        };
        await client
          .set(tokenKey(scope), JSON.stringify(stored), 'PX', lifeMs)
          .catch(() => undefined);
      }
      return token;
    } finally {
      await client.eval(DELETE_IF_EQUAL, 1, lockKey(scope), lock).catch(() => undefined);
    }
  }

  /** Another instance holds the lock: use the token it stores, or fetch alone once its lock lapses. */
  private async waitForShared(
    scope: string,
    fetchFromIam: () => Promise<IamToken>,
    replacing: string | undefined,
  ): Promise<IamToken> {
    const client = this.redis!.client!;
    for (let waited = 0; waited < LOCK_TTL_MS; waited += POLL_MS) {
      await sleep(POLL_MS);
      try {
        const shared = await this.read(scope, replacing);
        if (shared) return shared;
        if ((await client.exists(lockKey(scope))) === 0) break;
      } catch {
        break;
      }
    }
    return this.fetch(scope, fetchFromIam, replacing).catch(() => fetchFromIam());
  }

  /** The stored token of the scope, unless it is the one being replaced or about to expire. */
  private async read(scope: string, replacing: string | undefined): Promise<IamToken | undefined> {
    const stored = await this.redis!.client!.get(tokenKey(scope));
    if (!stored) return undefined;
    const { token, expiresAt } = JSON.parse(stored) as StoredToken;
    if (token === replacing) return undefined;
    return { token, expiresAt: new Date(expiresAt) };
  }

  private usableClient() {
    return this.redis?.usable ? this.redis.client : undefined;
  }
}

/** Scopes name endpoints and users: hashed, they make short keys that reveal nothing. */
function hashed(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url');
}

const tokenKey = (scope: string) => `iam-token:${hashed(scope)}`;
const lockKey = (scope: string) => `iam-token-lock:${hashed(scope)}`;

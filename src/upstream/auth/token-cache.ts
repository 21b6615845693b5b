import type { IamToken } from './iam.client';

/** Milliseconds since the epoch; injectable so tests can move time. */
export type Clock = () => number;

export interface TokenCachePolicy {
  /** A token is used until `expires_at` minus this (at most half its remaining life). */
  expiryMarginMs: number;
  /** This long before that, a request starts a background refresh and still gets the old token. */
  refreshAheadMs: number;
  /** After a failed background refresh, wait this long before the next one. */
  refreshRetryMs: number;
}

/** Gets a new token; `replacing` is the token held now, which must not come back as the new one. */
export type TokenFetch = (replacing?: string) => Promise<IamToken>;

export type TokenEvent =
  | { type: 'fetched'; scope: string; background: boolean }
  | { type: 'failed'; scope: string; background: boolean; error: unknown };

interface Entry {
  token: string;
  usableUntil: number;
  refreshFrom: number;
}

/**
 * Tokens by scope key: reused until shortly before they expire, refreshed ahead of that in the
 * background, and fetched by at most one call per scope at a time however many requests wait.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();

  constructor(
    private readonly policy: TokenCachePolicy,
    private readonly now: Clock,
    private readonly onEvent: (event: TokenEvent) => void = () => undefined,
  ) {}

  async get(scope: string, fetch: TokenFetch): Promise<string> {
    const entry = this.entries.get(scope);
    const now = this.now();
    if (entry && now < entry.usableUntil) {
      if (now >= entry.refreshFrom && !this.inFlight.has(scope)) {
        this.refreshInBackground(scope, entry, fetch);
      }
      return entry.token;
    }
    return (await this.load(scope, fetch, false)).token;
  }

  /** Forgets `token` if it is still the cached one, so concurrent rejections cause one refetch. */
  invalidate(scope: string, token: string): void {
    if (this.entries.get(scope)?.token === token) this.entries.delete(scope);
  }

  private refreshInBackground(scope: string, entry: Entry, fetch: TokenFetch): void {
    this.load(scope, fetch, true).catch(() => {
      entry.refreshFrom = this.now() + this.policy.refreshRetryMs;
    });
  }

  private load(scope: string, fetch: TokenFetch, background: boolean): Promise<Entry> {
    let pending = this.inFlight.get(scope);
    if (!pending) {
      pending = fetch(this.entries.get(scope)?.token)
        .then(
          (token) => {
            const entry = this.entryFor(token);
            this.entries.set(scope, entry);
            this.onEvent({ type: 'fetched', scope, background });
            return entry;
          },
          (error: unknown) => {
            this.onEvent({ type: 'failed', scope, background, error });
            throw error;
          },
        )
        .finally(() => this.inFlight.delete(scope));
      this.inFlight.set(scope, pending);
    }
    return pending;
  }

  private entryFor({ token, expiresAt }: IamToken): Entry {
    const now = this.now();
    const life = Math.max(0, expiresAt.getTime() - now);
    const usableUntil = now + life - Math.min(this.policy.expiryMarginMs, life / 2);
    const refreshFrom = usableUntil - Math.min(this.policy.refreshAheadMs, (usableUntil - now) / 2);
    return { token, usableUntil, refreshFrom };
  }
}

import { randomBytes } from 'node:crypto';

/** What a token is valid for: one project, or a whole account (domain). */
export type TokenScope = { project: string } | { domain: string };

export interface IssuedToken {
  token: string;
  scope: TokenScope;
  /** The user (or agency) the token stands for. */
  subject: string;
  issuedAt: Date;
  expiresAt: Date;
}

export type TokenCheck =
  | { state: 'valid'; token: IssuedToken }
  | { state: 'unknown' }
  | { state: 'expired' }
  | { state: 'revoked' };

/**
 * Tokens the IAM simulator issued. The Workspace simulators check `X-Auth-Token` against it,
 * the way Huawei's API gateway checks a token with IAM.
 */
export class IamTokenRegistry {
  private readonly tokens = new Map<string, IssuedToken & { revoked: boolean }>();

  constructor(private readonly ttlSeconds: number) {}

  /** Issues a token living the registry's TTL, or less when `maxSeconds` asks for less. */
  issue(scope: TokenScope, subject: string, maxSeconds = Infinity, now = new Date()): IssuedToken {
    const lifetime = Math.min(this.ttlSeconds, maxSeconds);
    const issued = {
      // Real tokens are long opaque PKI strings starting with "MII"; only their length differs.
      token: `MII${randomBytes(96).toString('base64url')}`,
      scope,
      subject,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + lifetime * 1000),
    };
    this.tokens.set(issued.token, { ...issued, revoked: false });
    return issued;
  }

  check(token: string, now = new Date()): TokenCheck {
    const found = this.tokens.get(token);
    if (!found) return { state: 'unknown' };
    if (found.revoked) return { state: 'revoked' };
    if (found.expiresAt.getTime() <= now.getTime()) return { state: 'expired' };
    return { state: 'valid', token: found };
  }

  /** Marks a token revoked; unknown tokens are ignored. */
  revoke(token: string): void {
    const found = this.tokens.get(token);
    if (found) found.revoked = true;
  }

  get issuedCount(): number {
    return this.tokens.size;
  }
}

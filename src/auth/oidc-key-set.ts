import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { isSecureOrLoopback, type OidcConfig } from '../config/browser-access.schema';

const DISCOVERY_TIMEOUT_MS = 5_000;

const discoveryDocument = z.object({ issuer: z.string(), jwks_uri: z.string() });

/** The provider's keys could not be fetched: nothing is known about the token itself. */
class KeySetUnavailableError extends Error {
  override name = 'KeySetUnavailableError';
}

/**
 * The OIDC provider's signing keys, fetched only from configured places: `jwksUri`, or else the
 * issuer's discovery document and the jwks_uri it names; never from anything a token says (`jku`
 * and `x5u` are ignored). jose caches the set and refetches it for an unknown `kid`, at most once
 * per cooldown; a failed discovery is retried after the same cooldown.
 */
export class OidcKeySet {
  private keySet?: Promise<JWTVerifyGetKey>;
  private failedAt?: number;

  constructor(private readonly config: OidcConfig) {}

  readonly getKey: JWTVerifyGetKey = async (header, token) =>
    (await this.remoteKeySet())(header, token);

  private remoteKeySet(): Promise<JWTVerifyGetKey> {
    const cooldownMs = this.config.jwksCooldownSeconds * 1000;
    if (!this.keySet || (this.failedAt !== undefined && Date.now() >= this.failedAt + cooldownMs)) {
      this.failedAt = undefined;
      this.keySet = this.keySetUrl().then(
        (url) => createRemoteJWKSet(url, { cooldownDuration: cooldownMs }),
        (error: unknown) => {
          this.failedAt = Date.now();
          throw error;
        },
      );
    }
    return this.keySet;
  }

  private async keySetUrl(): Promise<URL> {
    if (this.config.jwksUri) return new URL(this.config.jwksUri);
    const issuer = this.config.issuer;
    const where = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: z.infer<typeof discoveryDocument>;
    try {
      const response = await fetch(where, {
        redirect: 'error',
        signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      document = discoveryDocument.parse(await response.json());
    } catch (error) {
      throw new KeySetUnavailableError(
        `cannot read the discovery document ${where}: ${(error as Error).message}`,
      );
    }
    if (document.issuer !== issuer) {
      throw new KeySetUnavailableError(`discovery document of ${where} names another issuer`);
    }
    if (!URL.canParse(document.jwks_uri) || !isSecureOrLoopback(new URL(document.jwks_uri))) {
      throw new KeySetUnavailableError(`discovery document of ${where} has no https jwks_uri`);
    }
    return new URL(document.jwks_uri);
  }
}

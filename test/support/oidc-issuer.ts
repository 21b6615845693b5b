import { createHmac, KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { oidcSchema, type OidcConfig } from '../../src/config/browser-access.schema';

export const AUDIENCE = 'application-gateway';
export const SUBJECT = 'f3c1a9e2-7b44-4d0e-9d51-user-subject';

export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/**
 * A local OpenID Connect provider on 127.0.0.1: keys generated here, its key set at /jwks and its
 * discovery document at /.well-known/openid-configuration, tokens signed with jose.
 */
export interface TestIssuer {
  issuer: string;
  jwksUri: string;
  rsaKey: SigningKey;
  ecKey: SigningKey;
  /** Requests for the key set so far. */
  jwksFetches(): number;
  /** A valid token (sub, aud, iss, iat, exp in 5 min, groups [acme-developers]) with `claims` on top. */
  sign(claims?: JWTPayload, key?: SigningKey): Promise<string>;
  newKey(alg: SigningKey['alg'], kid: string): Promise<SigningKey>;
  /** Replaces the published key set. */
  publish(keys: SigningKey[]): void;
  /** Makes /jwks answer with this status (e.g. 500), or normally again with undefined. */
  failJwks(status: number | undefined): void;
  /** Makes the discovery document name another issuer (undefined: its own again). */
  discoveryIssuer(issuer: string | undefined): void;
  /** The gateway's oidc section for this issuer, with `overrides` on top. */
  gatewayConfig(overrides?: Record<string, unknown>): OidcConfig;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const newKey = async (alg: SigningKey['alg'], kid: string): Promise<SigningKey> => ({
    kid,
    alg,
    ...(await generateKeyPair(alg)),
  });
  const rsaKey = await newKey('RS256', 'rsa-1');
  const ecKey = await newKey('ES256', 'ec-1');
  let published = [rsaKey, ecKey];
  let jwksFetches = 0;
  let jwksStatus: number | undefined;
  let announcedIssuer: string | undefined;

  const jwkOf = async (key: SigningKey): Promise<JWK> => ({
    ...(await exportJWK(key.publicKey)),
    kid: key.kid,
    alg: key.alg,
    use: 'sig',
  });
  const server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/jwks') {
      jwksFetches += 1;
      if (jwksStatus) return reply(jwksStatus, { error: 'unavailable' });
      void Promise.all(published.map(jwkOf)).then((keys) => reply(200, { keys }));
    } else if (request.url === '/.well-known/openid-configuration') {
      reply(200, { issuer: announcedIssuer ?? issuer, jwks_uri: `${issuer}/jwks` });
    } else {
      reply(404, {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    rsaKey,
    ecKey,
    jwksFetches: () => jwksFetches,
    sign: (claims = {}, key = rsaKey) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: issuer,
        aud: AUDIENCE,
        sub: SUBJECT,
        iat: now,
        exp: now + 300,
        groups: ['acme-developers'],
        ...claims,
      })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
        .sign(key.privateKey);
    },
    newKey,
    publish: (keys) => {
      published = keys;
    },
    failJwks: (status) => {
      jwksStatus = status;
    },
    discoveryIssuer: (other) => {
      announcedIssuer = other;
    },
    gatewayConfig: (overrides = {}) =>
      oidcSchema.parse({
        issuer,
        jwksUri: `${issuer}/jwks`,
        audience: AUDIENCE,
        algorithms: ['RS256', 'ES256'],
        jwksCooldownSeconds: 0,
        groupTeams: { 'acme-developers': ['acme'], 'all-developers': ['acme', 'globex'] },
        ...overrides,
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsecured JWT (`alg: none`, empty signature) with these claims. */
export function unsignedToken(claims: JWTPayload): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

/**
 * The algorithm-confusion attack: HS256 with the issuer's RSA public key (PEM) as the HMAC secret,
 * which a verifier that trusts the token's `alg` would accept.
 */
export function hmacWithPublicKey(claims: JWTPayload, key: SigningKey): string {
  const secret = publicKeyPem(key);
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${base64url(claims)}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

export function publicKeyPem(key: SigningKey): string {
  return KeyObject.from(key.publicKey).export({ type: 'spki', format: 'pem' }).toString();
}

/** The claims of a token, decoded without any check. */
export function claimsOf(token: string): JWTPayload {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as JWTPayload;
}

import type { AkSkAuthConfig } from '../../workspace/workspace-account.schema';
import type { OutgoingRequest } from '../http/upstream-http';
import type { UpstreamName } from '../upstream.error';
import { signRequest } from './aksk-signer';
import { isTokenRejection, type TokenSource } from './token-retry';

/**
 * What one call carries to prove who it acts as. `headers` become part of the request (and of what
 * is signed); `sign` adds headers computed over the final request, exactly as it will be sent.
 */
export interface Credential {
  readonly headers: Readonly<Record<string, string>>;
  sign?(request: OutgoingRequest): Record<string, string>;
  /** After `error`, the credential to send the call once more with, if a new one can help. */
  renewAfter?(error: unknown): Promise<Credential | undefined>;
}

/** How the calls of one account authenticate: resolved before the call takes a slot. */
export interface AuthStrategy {
  credential(): Promise<Credential> | Credential;
}

/** Where and as whom a call goes: the account's base URL, its circuit scope and its credentials. */
export interface UpstreamTarget {
  baseUrl: string;
  /** The upstream account (Rainbond team name, Workspace project id, IAM account). */
  account: string;
  auth: AuthStrategy;
}

/**
 * Where a team's calls go, as the pipeline needs it: UpstreamAccounts, bound in upstream.module.ts
 * (an interface, so the pipeline does not import the accounts, which import the IAM token service).
 */
export interface AccountLookup {
  /** The team's account at `upstream`, by gateway team key; a 404 problem when it has none. */
  targetOf(upstream: Exclude<UpstreamName, 'iam'>, team: string): UpstreamTarget;
}

const NOTHING: Credential = { headers: {} };

/** The request carries its own identity (IAM token requests). */
export const NO_AUTH: AuthStrategy = { credential: () => NOTHING };

/** A fixed header, e.g. Rainbond's personal access token as the raw `Authorization` value. */
export function headerAuth(name: string, value: string): AuthStrategy {
  const credential: Credential = { headers: { [name]: value } };
  return { credential: () => credential };
}

/**
 * An IAM token in `X-Auth-Token`, from the account's cached source. When the upstream rejects the
 * token (so it did not process the call), the token is dropped and the call sent once more with a
 * fresh one; a second rejection stands.
 */
export function iamTokenAuth(tokens: TokenSource): AuthStrategy {
  const withToken = (token: string, renewable: boolean): Credential => ({
    headers: { 'x-auth-token': token },
    renewAfter: renewable
      ? async (error) => {
          if (!isTokenRejection(error)) return undefined;
          tokens.invalidate(token);
          return withToken(await tokens.get(), false);
        }
      : undefined,
  });
  return { credential: async () => withToken(await tokens.get(), true) };
}

/** Huawei Cloud AK/SK: the project in `X-Project-Id`, every request signed (SDK-HMAC-SHA256). */
export function akskAuth(projectId: string, auth: AkSkAuthConfig): AuthStrategy {
  const keys = {
    accessKey: auth.accessKey,
    secretKey: auth.secretKey,
    securityToken: auth.securityToken,
  };
  const credential: Credential = {
    headers: { 'x-project-id': projectId },
    sign: (request) => signRequest(request, keys, new Date()),
  };
  return { credential: () => credential };
}

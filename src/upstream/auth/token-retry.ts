import { UpstreamError } from '../upstream.error';

/**
 * 401 codes that are not about our token: a new token cannot help.
 * WKS.00211302: the OBS bucket is not authorized for App Center yet.
 */
const NOT_TOKEN_REJECTIONS = new Set(['WKS.00211302']);

/** An upstream 401 that says the token we sent is unknown, expired or revoked. */
export function isTokenRejection(error: unknown): boolean {
  return (
    error instanceof UpstreamError &&
    error.isAuthFailure &&
    error.status === 401 &&
    !NOT_TOKEN_REJECTIONS.has(error.details.code ?? '')
  );
}

export interface TokenSource {
  get(): Promise<string>;
  /** Drops `token` from the cache if it is still the cached one. */
  invalidate(token: string): void;
}

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

/**
 * Runs `call` with a token; when the upstream rejects the token (so it did not process the call),
 * drops it and runs `call` once more with a fresh one. A second rejection propagates.
 */
export async function withTokenRetry<T>(
  tokens: TokenSource,
  call: (token: string) => Promise<T>,
): Promise<T> {
  const token = await tokens.get();
  try {
    return await call(token);
  } catch (error) {
    if (!isTokenRejection(error)) throw error;
    tokens.invalidate(token);
    return call(await tokens.get());
  }
}

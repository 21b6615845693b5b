import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';

/**
 * What makes two requests "the same request" for an Idempotency-Key: the method, the path with its
 * query parameters in a fixed order, and the JSON body with its object keys sorted, so that key
 * order and whitespace do not matter but any value does.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  const target = new URL(url, 'http://gateway.invalid');
  target.searchParams.sort();
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${target.pathname}${target.search}\n`)
    .update(stringify(body ?? null) ?? 'null')
    .digest('hex');
}

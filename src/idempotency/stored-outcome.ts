import { PROBLEM_TYPE_BASE } from '../common/problem';
import type { StoredResponse } from './idempotency.store';

const VALIDATION_FAILED = `${PROBLEM_TYPE_BASE}validation-failed`;

/**
 * THE rule for which outcomes an Idempotency-Key keeps. Kept (replayed to every retry until the TTL
 * ends): every success and every final error, including 502 and 504, after which the upstream may
 * well have done the write, so running the request again could do it twice.
 *
 * Released (the key is freed and the next retry runs again): outcomes that guarantee that no upstream
 * write happened and after which a retry may succeed:
 * - 429 and 503: the gateway answers these only where nothing was written: its own rate limit, an
 *   upstream (or IAM) that answered 429, an open circuit breaker. Keep it that way: a 503 that could
 *   follow an upstream write must be given another status, or this rule must learn its problem type;
 * - request validation failures: nothing was sent upstream, and the corrected request may reuse the key.
 */
export function keepsOutcome(response: StoredResponse): boolean {
  if (response.status === 429 || response.status === 503) return false;
  return !(response.status === 400 && problemType(response.body) === VALIDATION_FAILED);
}

function problemType(body: unknown): unknown {
  return body !== null && typeof body === 'object' ? (body as { type?: unknown }).type : undefined;
}

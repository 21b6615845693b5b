import { ProblemError } from '../common/problem';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** Letters, digits and `-_.~:+/=`: UUIDs, ULIDs, base64 and `prefix:id` keys fit. */
const KEY = /^[A-Za-z0-9\-_.~:+/=]+$/;
/** An RFC 8941 sf-string; the keys allowed need no escapes. */
const SF_STRING = /^"([^"\\]*)"$/;

/**
 * The key of an `Idempotency-Key` header, or undefined when there is none. The draft makes the value
 * an sf-string (`"8e03978e-…"`); a bare value is accepted as well and means the same key.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) throw invalidKey('must be given once');
  const value = header.trim();
  const key = SF_STRING.exec(value)?.[1] ?? value;
  if (key.length === 0) throw invalidKey('must not be empty');
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw invalidKey(`must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
  }
  if (!KEY.test(key)) throw invalidKey('may hold only letters, digits and - _ . ~ : + / =');
  return key;
}

function invalidKey(message: string): ProblemError {
  return ProblemError.invalidField('Idempotency-Key', message);
}

import { HttpStatus } from '@nestjs/common';
import { ProblemError } from '../common/problem';

/** Seconds a client is asked to wait before retrying a key that is still in flight. */
export const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

export function keyInFlight(): ProblemError {
  return new ProblemError(
    HttpStatus.CONFLICT,
    'idempotency-key-in-flight',
    'Request with this Idempotency-Key in progress',
    'A request with this Idempotency-Key is still being processed; retry after it completes to get its response.',
    { headers: { 'retry-after': String(IN_FLIGHT_RETRY_AFTER_SECONDS) } },
  );
}

export function keyReused(): ProblemError {
  return new ProblemError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'idempotency-key-reused',
    'Idempotency-Key reused for another request',
    'This Idempotency-Key was used for a request with a different method, path, query or body; use a new key for a new request.',
  );
}

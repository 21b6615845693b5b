import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency-key.header';

/** Documents the optional `Idempotency-Key` of a POST route (its 409 and 422 are in BODY_PROBLEMS). */
export function ApiIdempotencyKey(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): a structured-field string such as `"8e03978e-40d5-43e8-bc93-6894a57f9324"` ' +
        `(a bare value is accepted too), up to ${IDEMPOTENCY_KEY_MAX_LENGTH} letters, digits or \`-_.~:+/=\`, one per operation, scoped to your API key. ` +
        'Repeating the same request with the same key returns the first response, marked `Idempotent-Replayed: true`, without running it again ' +
        '(a 429, a 503 or a validation failure is not kept: the key can be retried). ' +
        'The same key with another method, path, query or body answers 422; while the first request runs, 409 with Retry-After.',
      schema: { type: 'string', maxLength: IDEMPOTENCY_KEY_MAX_LENGTH + 2 },
    }),
  );
}

import type { FastifyCorsOptions } from '@fastify/cors';
import type { CorsConfig } from '../config/browser-access.schema';

/** Request headers a front-end may send beyond the CORS-safelisted ones. */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Request-Id',
  'traceparent',
  'tracestate',
];

/** Response headers a front-end's script may read. */
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Retry-After',
  'Idempotent-Replayed',
  'ETag',
];

/**
 * @fastify/cors settings for the configured front-end origins only. Any other origin (or none, as
 * from a service) gets no CORS headers at all, and its preflight is not answered (404).
 */
export function corsOptionsFor(config: CorsConfig): FastifyCorsOptions {
  const origins = new Set(config.origins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: config.credentials,
    maxAge: config.maxAgeSeconds,
    strictPreflight: true,
  };
}

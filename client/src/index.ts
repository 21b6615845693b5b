import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

export interface GatewayClientOptions {
  /** Where the gateway listens, e.g. `https://gateway.internal` (no trailing `/v1`). */
  baseUrl: string;
  /** The caller's API key, or a function that returns a bearer token (an OIDC access token). */
  credentials: string | (() => string | Promise<string>);
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
  /** Makes request ids and idempotency keys; `crypto.randomUUID` by default. */
  newId?: () => string;
}

export type GatewayClient = Client<paths>;

/**
 * A typed client for every route of the gateway. Each request carries the credentials, an
 * `X-Request-Id` (unless one is given) and, for a POST, an `Idempotency-Key` (unless one is given):
 * to retry a POST safely, send the same `Idempotency-Key` header again yourself.
 */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const identify: Middleware = {
    async onRequest({ request }) {
      const { credentials } = options;
      const token = typeof credentials === 'string' ? credentials : await credentials();
      request.headers.set('authorization', `Bearer ${token}`);
      if (!request.headers.has('x-request-id')) request.headers.set('x-request-id', newId());
      if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', newId());
      }
      return request;
    },
  };
  client.use(identify);
  return client;
}
export { watchProgress } from './progress-events.js';
export type {
  ApplicationProgress,
  ProgressEvent,
  WatchProgressOptions,
} from './progress-events.js';

import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const storage = new AsyncLocalStorage<FastifyRequest>();

/**
 * Makes the inbound request reachable from anything it causes (upstream calls add its id and trace
 * to their headers) without passing it down. Entered in Fastify's first hook and carried by
 * AsyncLocalStorage: one `run` per request, where nestjs-cls added a middleware, a guard and an
 * interceptor (each interceptor costs Nest an AsyncResource.bind per request).
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => storage.run(request, done));
}

/** The inbound request being served, if this code runs on behalf of one. */
export function currentRequest(): FastifyRequest | undefined {
  return storage.getStore();
}

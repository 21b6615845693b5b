import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from './gateway-metrics';

/** Observes every inbound request's duration under its route template (never the raw URL). */
export function registerRequestMetrics(fastify: FastifyInstance, metrics: GatewayMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
}

import type { FastifyInstance } from 'fastify';
import { traceContextOf } from '../tracing/trace-context';

/**
 * One line per request, written when the response is sent: route template (not the URL, so it
 * groups), status, duration, and who asked (caller, and a signed-in user's subject) for which team. Never headers or bodies.
 */
export function registerAccessLog(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
        caller: request.caller?.name,
        subject: request.caller?.subject,
        team: request.team?.key,
        targetTeam: request.copyTarget?.team.key,
        traceId: traceContextOf(request.raw).traceId,
      },
      'request completed',
    );
    done();
  });
}

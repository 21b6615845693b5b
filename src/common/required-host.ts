import type { FastifyInstance } from 'fastify';
import { ProblemError } from './problem';

/**
 * HTTP/1.1 requires a Host header (RFC 9112 §3.2). Node would refuse its absence with an empty 400
 * of its own, so the server runs with `requireHostHeader: false` and the refusal is a problem here.
 */
export function registerHostRequirement(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.headers.host !== undefined || request.raw.httpVersion !== '1.1') return done();
    done(ProblemError.of('bad-request', 'An HTTP/1.1 request needs a Host header.'));
  });
}

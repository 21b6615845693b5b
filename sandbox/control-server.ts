import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { InvalidFaultRequest, parseFaultRequest } from './fault-request';
import type { Sandbox } from './sandbox';
import { SANDBOX_TARGETS, type SandboxTarget } from './sandbox-faults';

type Query = Record<string, string | string[] | undefined>;

/**
 * HTTP control of a running sandbox, for chaos scripts that cannot call it in-process:
 * - `POST /faults` `{target, fault, times?, probability?}` → 204;
 * - `DELETE /faults[?target=]` → 204;
 * - `GET /writes[?target=]` → performed writes per target, with their bodies;
 * - `GET /calls[?target=]` → number of recorded calls per target (not the calls: they carry credentials);
 * - `GET /iam/tokens-issued` → `{count}`;
 * - `GET /health` → `{status: "ok"}`.
 * Errors answer `{message}`: 400 for input that is not valid.
 */
export function createControlServer(sandbox: Sandbox): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error instanceof InvalidFaultRequest ? 400 : (error.statusCode ?? 500);
    return reply.code(status).send({ message: error.message });
  });

  app.get('/health', () => ({ status: 'ok' }));

  app.post('/faults', (request, reply) => {
    const { target, fault, ...options } = parseFaultRequest(request.body);
    sandbox.faults.inject(target, fault, options);
    return reply.code(204).send();
  });

  app.delete<{ Querystring: Query }>('/faults', (request, reply) => {
    sandbox.faults.clear(targetParam(request.query));
    return reply.code(204).send();
  });

  app.get<{ Querystring: Query }>('/writes', (request) =>
    perTarget(request.query, (target) => sandbox.writes(target)),
  );

  app.get<{ Querystring: Query }>('/calls', (request) =>
    perTarget(request.query, (target) => sandbox.calls(target).length),
  );

  app.get('/iam/tokens-issued', () => ({ count: sandbox.iamTokensIssued() }));

  return app;
}

/** `{target: value}` for the target in the query, or for every target when none is given. */
function perTarget<T>(query: Query, valueOf: (target: SandboxTarget) => T): Record<string, T> {
  const target = targetParam(query);
  return Object.fromEntries(
    (target ? [target] : SANDBOX_TARGETS).map((name) => [name, valueOf(name)]),
  );
}

function targetParam(query: Query): SandboxTarget | undefined {
  const { target } = query;
  if (target === undefined) return undefined;
  if (typeof target === 'string' && (SANDBOX_TARGETS as readonly string[]).includes(target)) {
    return target as SandboxTarget;
  }
  throw new InvalidFaultRequest(`target must be one of ${SANDBOX_TARGETS.join(', ')}`);
}

import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { SandboxFault, SandboxFaults, SandboxTarget } from './sandbox-faults';
import type { PerformedWrite, RecordedCall, TargetLog } from './simulator-records';

/** What every simulator needs from the sandbox. */
export interface SimulatorContext {
  faults: SandboxFaults;
  calls: TargetLog<RecordedCall>;
  writes: TargetLog<PerformedWrite>;
}

export interface SimulatedReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Thrown by simulator code to answer with an upstream's error (or any) reply. */
export class SimulatedError extends Error {
  constructor(readonly reply: SimulatedReply) {
    super(`simulated upstream reply ${reply.status}`);
  }
}

/** How one upstream answers what the shared server handles for it. */
export interface UpstreamProfile {
  target: SandboxTarget;
  /** Whether every response carries an `X-Request-Id` header (Huawei API gateway does). */
  sendsRequestId: boolean;
  /** Whether a POST changes state (not for IAM: a token request is not a write). */
  postsAreWrites: boolean;
  /** The upstream's error for a status (status faults, unknown routes, unparseable requests). */
  errorReply(status: number, requestId: string): SimulatedReply;
  /** The upstream's answer to an expired or unknown credential (`expired-token` fault). */
  authFailureReply(requestId: string): SimulatedReply;
  /** The upstream's 200-with-error answer for a failed job (`job-failure` fault). */
  jobFailureReply?(requestId: string): SimulatedReply;
}

/** The request body as the simulator's parser saw it. */
export type BodyRead =
  | { kind: 'absent' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid-json'; reason: string }
  | { kind: 'unsupported'; contentType: string };

/** A fault that lets the request be handled in full and then spoils the answer. */
type AnswerFault = Extract<SandboxFault, { kind: 'lose-response' | 'slow-response' }>;

interface RequestState {
  requestId: string;
  call: RecordedCall;
  body: BodyRead;
  /** Whether the route (or not-found) handler ran: no fault answered before it. */
  handled: boolean;
  answerFault?: AnswerFault;
}

const states = new WeakMap<FastifyRequest, RequestState>();

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Id of this request; also sent as `X-Request-Id` by upstreams that send one. */
export function requestIdOf(request: FastifyRequest): string {
  return stateOf(request).requestId;
}

/** The parsed body of this request. */
export function bodyOf(request: FastifyRequest): BodyRead {
  return stateOf(request).body;
}

/**
 * A Fastify app with what every simulator shares: call recording, fault injection, request ids,
 * a body parser that lets each upstream answer bad bodies its own way, and the upstream's error
 * shapes for anything that fails outside a route.
 */
export function createSimulatorServer(
  profile: UpstreamProfile,
  ctx: SimulatorContext,
): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, raw, done) => done(null, raw));

  app.addHook('onRequest', (request, _reply, done) => {
    const call: RecordedCall = {
      method: request.method,
      path: request.url,
      headers: flattenHeaders(request.headers),
      body: undefined,
    };
    ctx.calls.record(profile.target, call);
    states.set(request, {
      requestId: randomBytes(16).toString('hex'),
      call,
      body: { kind: 'absent' },
      handled: false,
    });
    done();
  });

  app.addHook('preHandler', async (request, reply) => {
    const state = stateOf(request);
    state.body = readBody(request);
    state.call.body = state.body.kind === 'json' ? state.body.value : request.body;
    const fault = ctx.faults.take(profile.target);
    let answered: FastifyReply | undefined;
    if (fault && isAnswerFault(fault)) state.answerFault = fault;
    else if (fault) answered = await applyFault(fault, profile, request, reply);
    state.handled = answered === undefined;
    return answered;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = states.get(request);
    if (!state) return payload;
    if (profile.sendsRequestId) reply.header('x-request-id', state.requestId);
    const { answerFault } = state;
    if (profile.postsAreWrites && isPerformedWrite(request, reply, state)) {
      ctx.writes.record(profile.target, {
        path: request.url,
        status: reply.statusCode,
        body: state.call.body as unknown,
        callerRequestId: state.call.headers['x-request-id'],
        answerLost: answerFault?.kind === 'lose-response',
      });
    }
    if (answerFault?.kind === 'slow-response') {
      await sleep(answerFault.ms, undefined, { ref: false });
    } else if (answerFault?.kind === 'lose-response') {
      // Fastify's write of the answer then goes to a destroyed socket, which drops it.
      request.raw.socket.destroy();
    }
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const simulated =
      error instanceof SimulatedError
        ? error.reply
        : profile.errorReply(statusOf(error), states.get(request)?.requestId ?? '');
    return send(reply, simulated);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, profile.errorReply(404, requestIdOf(request))),
  );

  return app;
}

/** Sends a simulated reply. */
function send(reply: FastifyReply, simulated: SimulatedReply): FastifyReply {
  return reply
    .code(simulated.status)
    .headers(simulated.headers ?? {})
    .send(simulated.body);
}

/** Applies a fault that acts before the handler; undefined lets the handler run. */
async function applyFault(
  fault: Exclude<SandboxFault, AnswerFault>,
  profile: UpstreamProfile,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const requestId = requestIdOf(request);
  switch (fault.kind) {
    case 'latency':
      await sleep(fault.ms, undefined, { ref: false });
      return undefined;
    case 'status':
      throw new SimulatedError(profile.errorReply(fault.status, requestId));
    case 'expired-token':
      throw new SimulatedError(profile.authFailureReply(requestId));
    case 'job-failure':
      if (!profile.jobFailureReply) throw new Error(`${profile.target} has no job failures`);
      return send(reply, profile.jobFailureReply(requestId));
    case 'malformed':
      return reply.code(200).header('content-type', 'application/json').send('{"items": [{"id": ');
    case 'reset':
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    case 'hang':
      reply.hijack();
      return reply;
  }
}

function isAnswerFault(fault: SandboxFault): fault is AnswerFault {
  return fault.kind === 'lose-response' || fault.kind === 'slow-response';
}

function isPerformedWrite(
  request: FastifyRequest,
  reply: FastifyReply,
  state: RequestState,
): boolean {
  return (
    request.method === 'POST' && state.handled && reply.statusCode >= 200 && reply.statusCode < 300
  );
}

function readBody(request: FastifyRequest): BodyRead {
  const raw = request.body;
  if (typeof raw !== 'string' || raw.trim() === '') return { kind: 'absent' };
  const contentType = request.headers['content-type'] ?? '';
  if (!JSON_MEDIA_TYPE.test(contentType)) return { kind: 'unsupported', contentType };
  try {
    return { kind: 'json', value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { kind: 'invalid-json', reason: (error as Error).message };
  }
}

function stateOf(request: FastifyRequest): RequestState {
  const state = states.get(request);
  if (!state) throw new Error('request did not pass through the simulator hooks');
  return state;
}

function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

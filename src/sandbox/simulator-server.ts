import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { SandboxFault, SandboxFaults, SandboxTarget } from './sandbox-faults';

/** One request a simulator received, as it arrived. */
export interface RecordedCall {
  method: string;
  /** Path with the query string. */
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /**
   * Parsed JSON body; the raw text when it was not JSON; undefined when there was none.
   * Typed `any` on purpose: tests index straight into the wire shapes they assert on.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Requests per simulator, in arrival order. */
export class CallLog {
  private readonly calls = new Map<SandboxTarget, RecordedCall[]>();

  record(target: SandboxTarget, call: RecordedCall): void {
    const list = this.calls.get(target) ?? [];
    list.push(call);
    this.calls.set(target, list);
  }

  list(target: SandboxTarget): RecordedCall[] {
    return [...(this.calls.get(target) ?? [])];
  }

  clear(): void {
    this.calls.clear();
  }
}

/** What every simulator needs from the sandbox. */
export interface SimulatorContext {
  faults: SandboxFaults;
  calls: CallLog;
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

interface RequestState {
  requestId: string;
  call: RecordedCall;
  body: BodyRead;
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
    });
    done();
  });

  app.addHook('preHandler', async (request, reply) => {
    const state = stateOf(request);
    state.body = readBody(request);
    state.call.body = state.body.kind === 'json' ? state.body.value : request.body;
    const fault = ctx.faults.take(profile.target);
    return fault ? applyFault(fault, profile, request, reply) : undefined;
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const state = states.get(request);
    if (profile.sendsRequestId && state) reply.header('x-request-id', state.requestId);
    done(null, payload);
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

async function applyFault(
  fault: SandboxFault,
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

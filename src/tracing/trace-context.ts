import type { IncomingMessage } from 'node:http';
import { isSpanContextValid, trace as otelTrace } from '@opentelemetry/api';
import { randomHex } from '../common/random-hex';

/** A W3C Trace Context (https://www.w3.org/TR/trace-context/) as the gateway carries it. */
export interface TraceContext {
  traceId: string;
  /** Flags to pass on (`01` sampled). */
  flags: string;
  /** The caller's `tracestate`, passed on unchanged. */
  state?: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;
const INVALID_TRACE_ID = '0'.repeat(32);
const INVALID_SPAN_ID = '0'.repeat(16);
const MAX_TRACESTATE_LENGTH = 512;

/**
 * The caller's trace when its `traceparent` is valid (version ff and all-zero ids are not), else a
 * new trace. Versions above 00 are read as 00, as the spec asks, when the known fields parse.
 */
export function traceContextFrom(
  traceparent: string | undefined,
  tracestate: string | undefined,
): TraceContext {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (match) {
    const [, version, traceId, parentId, flags] = match;
    const validVersion =
      version !== 'ff' && (version !== '00' || traceparent!.trim().length === 55);
    if (validVersion && traceId !== INVALID_TRACE_ID && parentId !== INVALID_SPAN_ID) {
      const state =
        tracestate && tracestate.length <= MAX_TRACESTATE_LENGTH ? tracestate : undefined;
      return { traceId, flags, state };
    }
  }
  return { traceId: randomHex(16), flags: '00' };
}

/** The headers for one outgoing call: same trace, a new parent id standing for this call. */
export function outgoingTraceHeaders(trace: TraceContext): Record<string, string> {
  const headers: Record<string, string> = {
    traceparent: `00-${trace.traceId}-${randomHex(8)}-${trace.flags}`,
  };
  if (trace.state) headers.tracestate = trace.state;
  return headers;
}

const byRequest = new WeakMap<IncomingMessage, TraceContext>();

/**
 * The trace of an inbound request, read once and shared by everything that asks (upstream calls, logs):
 * OpenTelemetry's span when tracing is on, else the caller's `traceparent`, else a new trace.
 */
export function traceContextOf(request: IncomingMessage): TraceContext {
  let trace = byRequest.get(request);
  if (!trace) {
    trace = openTelemetrySpan() ?? fromHeaders(request);
    byRequest.set(request, trace);
  }
  return trace;
}

/** The server span OpenTelemetry opened for this request, when tracing is on. */
function openTelemetrySpan(): TraceContext | undefined {
  const span = otelTrace.getActiveSpan()?.spanContext();
  if (!span || !isSpanContextValid(span)) return undefined;
  return {
    traceId: span.traceId,
    flags: span.traceFlags.toString(16).padStart(2, '0'),
    state: span.traceState?.serialize() || undefined,
  };
}

function fromHeaders(request: IncomingMessage): TraceContext {
  const { traceparent, tracestate } = request.headers;
  return traceContextFrom(
    typeof traceparent === 'string' ? traceparent : undefined,
    typeof tracestate === 'string' ? tracestate : undefined,
  );
}

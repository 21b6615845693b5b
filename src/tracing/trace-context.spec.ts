import { outgoingTraceHeaders, traceContextFrom } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const VALID = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

describe('traceContextFrom', () => {
  it("continues the caller's trace with its flags and tracestate", () => {
    expect(traceContextFrom(VALID, 'vendor=abc')).toEqual({
      traceId: TRACE_ID,
      flags: '01',
      state: 'vendor=abc',
    });
  });

  it.each([
    ['all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE_ID}-00f067aa0ba902b7-01`],
    ['upper-case hex', VALID.toUpperCase()],
    ['version 00 with extra fields', `${VALID}-extra`],
    ['garbage', 'not-a-traceparent'],
  ])('starts a new trace for %s', (_name, header) => {
    const trace = traceContextFrom(header, 'vendor=abc');
    expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(trace.traceId).not.toBe(TRACE_ID);
    expect(trace.state).toBeUndefined();
  });

  it('accepts a future version with extra fields, as the spec asks', () => {
    expect(traceContextFrom(`01-${TRACE_ID}-00f067aa0ba902b7-01-future`, undefined).traceId).toBe(
      TRACE_ID,
    );
  });

  it('drops an oversized tracestate', () => {
    expect(traceContextFrom(VALID, 'a='.padEnd(600, 'x')).state).toBeUndefined();
  });
});

describe('outgoingTraceHeaders', () => {
  it('sends the same trace with a fresh parent id per call', () => {
    const trace = traceContextFrom(VALID, 'vendor=abc');
    const first = outgoingTraceHeaders(trace);
    const second = outgoingTraceHeaders(trace);
    expect(first.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    expect(first.traceparent).not.toBe(second.traceparent);
    expect(first.tracestate).toBe('vendor=abc');
  });
});

import { InvalidFaultRequest, parseFaultMix, parseFaultRequest } from './fault-request';

describe('parseFaultRequest', () => {
  it('accepts a fault with its options', () => {
    const request = {
      target: 'app-center',
      fault: { kind: 'status', status: 503 },
      times: 2,
      probability: 0.5,
    };
    expect(parseFaultRequest(request)).toEqual(request);
  });

  it.each([
    [{ target: 'nowhere', fault: { kind: 'reset' } }, /^target: /],
    [{ target: 'iam', fault: { kind: 'explode' } }, /^fault\.kind: /],
    [{ target: 'iam', fault: { kind: 'latency' } }, /^fault\.ms: /],
    [{ target: 'iam', fault: { kind: 'reset', ms: 5 } }, /^fault: .*"ms"/],
    [{ target: 'iam', fault: { kind: 'reset' }, times: '2' }, /^times: /],
    [{ target: 'iam', fault: { kind: 'reset' }, extra: true }, /"extra"/],
    ['not an object', /^\(body\): /],
  ])('refuses a malformed request, naming the field (%j)', (input, message) => {
    expect(() => parseFaultRequest(input)).toThrow(InvalidFaultRequest);
    expect(() => parseFaultRequest(input)).toThrow(message);
  });

  it.each([
    [{ target: 'iam', fault: { kind: 'job-failure' } }, /app-center and app-warehouse/],
    [{ target: 'iam', fault: { kind: 'status', status: 302 } }, /4xx or 5xx/],
    [{ target: 'iam', fault: { kind: 'reset' }, probability: 0 }, /probability/],
    [{ target: 'iam', fault: { kind: 'reset' }, times: 0.5 }, /times/],
  ])('refuses what SandboxFaults would refuse (%j)', (input, message) => {
    expect(() => parseFaultRequest(input)).toThrow(InvalidFaultRequest);
    expect(() => parseFaultRequest(input)).toThrow(message);
  });
});

describe('parseFaultMix (SANDBOX_FAULTS)', () => {
  it('reads comma-separated target:kind:key=value entries', () => {
    const mix =
      'rainbond:latency:ms=200:p=0.1, app-center:status:status=503:p=0.05:times=3,iam:lose-response';
    expect(parseFaultMix(mix)).toEqual([
      { target: 'rainbond', fault: { kind: 'latency', ms: 200 }, probability: 0.1 },
      {
        target: 'app-center',
        fault: { kind: 'status', status: 503 },
        probability: 0.05,
        times: 3,
      },
      { target: 'iam', fault: { kind: 'lose-response' } },
    ]);
  });

  it('reads blank input as no fault', () => {
    expect(parseFaultMix('')).toEqual([]);
    expect(parseFaultMix('  ,  ')).toEqual([]);
  });

  it.each([
    ['rainbond', /"rainbond".*fault/],
    ['rainbond:latency', /"rainbond:latency".*fault\.ms/],
    ['rainbond:latency:ms', /"ms" is not key=number/],
    ['rainbond:latency:ms=fast', /"ms=fast" is not key=number/],
    ['rainbond:latency:ms=-5', /"ms=-5" is not key=number/],
    ['rainbond:latency:ms=1:ms=2', /ms is given twice/],
    ['rainbond:reset:ms=5', /"rainbond:reset:ms=5".*"ms"/],
    ['rainbond:reset:toString=1', /"toString=1" is not key=number/],
    ['rainbond:status:status=503:p=2', /probability/],
    ['mars:reset', /"mars:reset": target/],
    ['rainbond:reset,iam:job-failure', /"iam:job-failure": .*app-center/],
  ])('refuses %s, naming the entry and the problem', (mix, message) => {
    expect(() => parseFaultMix(mix)).toThrow(InvalidFaultRequest);
    expect(() => parseFaultMix(mix)).toThrow(message);
  });
});

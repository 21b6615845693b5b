import { INSTALL_EXAMPLE, PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

const ACME_INSTALL = '/v1/teams/acme/applications/rainbond:region-1:1/install';
const GLOBEX_INSTALL = '/v1/teams/globex/applications/rainbond:region-1:2/install';
const COPY = '/v1/teams/acme/applications/rainbond:region-1:1/copy';

/** A gateway whose Rainbond calls time out after 1 s, 4 at a time with 2 waiting. */
function startGateway(consecutiveFailures: number): Promise<TestGateway> {
  return startTestGateway((config) => ({
    ...config,
    upstreams: {
      ...config.upstreams,
      rainbond: { timeoutMs: 1_000, maxConcurrent: 4, maxQueued: 2 },
    },
    resilience: {
      retry: { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 50 },
      circuitBreaker: { consecutiveFailures, halfOpenAfterMs: 60_000 },
    },
  }));
}

describe('upstream isolation', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startGateway(1_000);
  });
  afterAll(() => gateway.close());

  const install = () => gateway.request('POST', ACME_INSTALL, { body: INSTALL_EXAMPLE.value });

  it('keeps Workspace fast while Rainbond hangs, and refuses Rainbond calls beyond its bound', async () => {
    gateway.sandbox.faults.inject('rainbond', { kind: 'hang' });
    const settled: number[] = [];
    const hanging = Array.from({ length: 6 }, (_, i) =>
      install().then((response) => {
        settled.push(i);
        return response;
      }),
    );
    await waitFor(() => gateway.sandbox.calls('rainbond').length === 4);

    const overflow = await install();
    expectProblem(overflow, 503);
    expect(overflow.body.type).toMatch(/upstream-busy$/);
    expect(overflow.headers.get('retry-after')).toBe('1');

    const publish = await gateway.request('POST', '/v1/teams/acme/applications', {
      body: PUBLISH_EXAMPLES.appWarehouse.value,
    });
    expect(publish.status).toBe(201);
    expect(settled).toEqual([]); // every Rainbond call was still hanging when Workspace answered

    const outcomes = await Promise.all(hanging);
    expect(outcomes.map((response) => response.status)).toEqual([504, 504, 504, 504, 504, 504]);
  });
});

describe('circuit breaker and retries', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startGateway(3);
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  const install = (path = ACME_INSTALL) =>
    gateway.request('POST', path, { body: INSTALL_EXAMPLE.value });

  it('opens the circuit of one Rainbond account after repeated failures, not of the others', async () => {
    gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 503 }, { times: 3 });
    for (let i = 0; i < 3; i++) expectProblem(await install(GLOBEX_INSTALL), 502);

    const refused = expectProblem(await install(GLOBEX_INSTALL), 503);
    expect(refused.type).toMatch(/upstream-circuit-open$/);
    expect(Number((await install(GLOBEX_INSTALL)).headers.get('retry-after'))).toBeGreaterThan(50);
    expect(gateway.sandbox.calls('rainbond')).toHaveLength(3);

    expect((await install(ACME_INSTALL)).status).toBe(200);
  });

  it('retries a GET after a 5xx but never resends a POST that may have arrived', async () => {
    gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 502 }, { times: 1 });
    // into an acme app: the globex account's circuit is open since the test above
    const copy = await gateway.request('POST', COPY, {
      body: { target: { team: 'acme', applicationId: 'rainbond:region-2:3' } },
    });
    expect(copy.status).toBe(200);
    // the source app (failed, retried), the target app, the copy, the target app read for the answer
    expect(gateway.sandbox.calls('rainbond').map((call) => call.method)).toEqual([
      'GET',
      'GET',
      'GET',
      'POST',
      'GET',
    ]);

    gateway.sandbox.resetCalls();
    gateway.sandbox.faults.inject('rainbond', { kind: 'reset' }, { times: 1 });
    expectProblem(await install(), 502);
    expect(gateway.sandbox.calls('rainbond')).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

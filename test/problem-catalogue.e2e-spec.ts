import {
  COPY_EXAMPLE,
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
} from '../src/applications/applications.examples';
import { PROBLEM_SLUGS, PROBLEM_TYPES, problemType, type ProblemSlug } from '../src/common/problem';
import type { GatewayConfig } from '../src/config/gateway-config.schema';
import type { SandboxFault } from '../sandbox/sandbox-faults';
import { startTestGateway, type TestGateway, type TestResponse } from './support/test-gateway';

const APPS = '/v1/teams/acme/applications';
const INSTALL = `${APPS}/rainbond:region-1:1/install`;
const GLOBEX_INSTALL = '/v1/teams/globex/applications/rainbond:region-1:2/install';

/**
 * Types the gateway answers in situations this sandbox test cannot build (or that other parts of
 * the server produce), each with the reason; every other catalogued type is produced below.
 */
const NOT_PRODUCED_HERE: Partial<Record<ProblemSlug, string>> = {
  'bad-request': 'malformed HTTP framing: produced by the HTTP server, tested with raw sockets',
  'ambiguous-credentials': 'several Authorization headers: the edge guards',
  'request-timeout': 'slow-loris timeouts of the HTTP server',
  'uri-too-long': 'the HTTP server limit on the request target',
  'header-fields-too-large': 'the HTTP server limit on headers',
  'idempotency-key-in-flight': 'two concurrent requests with one key: idempotency-key e2e',
  'internal-error': 'a gateway bug; toProblem maps any unknown error to it (unit test)',
  'token-verification-unavailable': 'needs an OIDC issuer that is down: oidc e2e',
  'provider-not-configured': 'the sandbox teams have every provider: adapter unit tests',
  'not-ready': 'the readiness probe during shutdown: health and graceful-shutdown e2e',
};

function configure(config: GatewayConfig): GatewayConfig {
  return {
    ...config,
    server: { ...config.server, bodyLimitBytes: 4_096 },
    upstreams: {
      ...config.upstreams,
      rainbond: { ...config.upstreams.rainbond, timeoutMs: 1_000, maxConcurrent: 2, maxQueued: 0 },
    },
    resilience: {
      ...config.resilience,
      retry: { maxRetries: 0, initialDelayMs: 10, maxDelayMs: 10 },
      circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
    },
  };
}

describe('the problem catalogue, type by type through the sandbox', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(configure);
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  let keys = 0;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    gateway.request('POST', path, {
      body,
      headers: { 'idempotency-key': `catalogue-${++keys}`, ...headers },
    });
  const install = (body: object) => post(INSTALL, { ...INSTALL_EXAMPLE.value, ...body });
  const publish = () => post(APPS, PUBLISH_EXAMPLES.appCenter.value);
  /** A publish meeting an App Center fault, then a clean one so the account's breaker stays closed. */
  const faultedPublish = async (fault: SandboxFault, times = 1) => {
    gateway.sandbox.faults.inject('app-center', fault, { times });
    const answer = await publish();
    expect((await publish()).status).toBe(201);
    return answer;
  };

  const cases: [ProblemSlug, () => Promise<TestResponse>][] = [
    ['validation-failed', () => gateway.request('GET', `${APPS}/not-an-id`)],
    ['unauthorized', () => gateway.request('GET', APPS, { key: 'wrong' })],
    ['team-not-found', () => gateway.request('GET', '/v1/teams/nowhere/applications')],
    ['application-not-found', () => gateway.request('GET', `${APPS}/rainbond:region-1:999`)],
    ['app-model-not-found', () => install({ appModelId: 'ffffffffffff' })],
    ['app-model-version-not-found', () => install({ appModelVersion: '9.9.9' })],
    ['not-found', () => gateway.request('GET', '/v1/nothing-here')],
    [
      'conflict',
      () => {
        gateway.sandbox.faults.inject('app-warehouse', { kind: 'job-failure' }, { times: 1 });
        return post(APPS, PUBLISH_EXAMPLES.appWarehouse.value);
      },
    ],
    [
      'idempotency-key-reused',
      async () => {
        const headers = { 'idempotency-key': 'catalogue-reused' };
        await post(`${APPS}/rainbond:region-1:1/copy`, COPY_EXAMPLE.value, headers);
        return post(
          `${APPS}/rainbond:region-1:1/copy`,
          { target: COPY_EXAMPLE.value.target, components: [{ id: 'f'.repeat(32) }] },
          headers,
        );
      },
    ],
    ['method-not-allowed', () => gateway.request('DELETE', APPS)],
    [
      'unsupported-media-type',
      () => post(INSTALL, INSTALL_EXAMPLE.value, { 'content-type': 'text/plain' }),
    ],
    [
      'payload-too-large',
      () =>
        install({ market: { url: `https://${'a'.repeat(5_000)}.example`, domain: 'rainbond' } }),
    ],
    [
      'upstream-rejected',
      () => post(APPS, { ...PUBLISH_EXAMPLES.appCenter.value, catalogId: '999' }),
    ],
    ['upstream-bad-body', () => faultedPublish({ kind: 'malformed' })],
    ['upstream-unavailable', () => faultedPublish({ kind: 'status', status: 500 })],
    ['upstream-credentials-rejected', () => faultedPublish({ kind: 'expired-token' }, 2)],
    ['upstream-throttled', () => faultedPublish({ kind: 'status', status: 429 })],
    [
      'upstream-timeout',
      () => {
        gateway.sandbox.faults.inject('rainbond', { kind: 'hang' }, { times: 1 });
        return install({});
      },
    ],
    [
      'upstream-busy',
      async () => {
        gateway.sandbox.faults.inject('rainbond', { kind: 'hang' }, { times: 2 });
        const hanging = [install({}), install({})];
        await waitFor(() => gateway.sandbox.calls('rainbond').length === 2);
        const busy = await install({});
        await Promise.all(hanging);
        return busy;
      },
    ],
    [
      'upstream-circuit-open',
      async () => {
        gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 503 }, { times: 2 });
        for (let i = 0; i < 2; i++) await post(GLOBEX_INSTALL, INSTALL_EXAMPLE.value);
        return post(GLOBEX_INSTALL, INSTALL_EXAMPLE.value);
      },
    ],
  ];

  it.each(cases)('produces %s with its catalogued status and title', async (slug, produce) => {
    const response = await produce();
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: problemType(slug),
      status: PROBLEM_TYPES[slug].status,
      title: PROBLEM_TYPES[slug].title,
    });
    expect(response.status).toBe(PROBLEM_TYPES[slug].status);
    expect(response.body.detail).toMatch(/^[\x20-\x7e]+$/);
  });

  it('produces every catalogued type here, except the ones named with a reason', () => {
    const produced = cases.map(([slug]) => slug);
    expect(new Set(produced).size).toBe(produced.length);
    // rate-limited is produced by the next describe, with a gateway of its own
    expect([...produced, 'rate-limited', ...Object.keys(NOT_PRODUCED_HERE)].sort()).toEqual(
      [...PROBLEM_SLUGS].sort(),
    );
  });
});

describe('the problem catalogue: rate-limited', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway((config) => ({
      ...config,
      rateLimit: { ...config.rateLimit, requestsPerWindow: 1, windowSeconds: 60 },
    }));
  });
  afterAll(() => gateway.close());

  it('produces rate-limited with its catalogued status and title', async () => {
    await gateway.request('GET', '/v1/teams');
    const response = await gateway.request('GET', '/v1/teams');
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({
      type: problemType('rate-limited'),
      title: PROBLEM_TYPES['rate-limited'].title,
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

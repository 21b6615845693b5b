import {
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
  unreachableRedisUrl,
  usingRedis,
} from '../src/redis/redis.test-helpers';
import { sampleValue } from './support/metrics-text';
import { startSharedInstances, type SharedInstances } from './support/shared-instances';
import type { GatewayConfig } from '../src/config/gateway-config.schema';
import {
  ACME_ONLY_KEY,
  expectProblem,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

describe('rate limit per caller', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway((config) => ({
      ...config,
      rateLimit: { requestsPerWindow: 3, windowSeconds: 60 },
      callers: config.callers.map((caller) =>
        caller.name === 'acme-only' ? { ...caller, requestsPerWindow: 5 } : caller,
      ),
    }));
  });
  afterAll(() => gateway.close());

  it('counts every key of a caller together and refuses the excess with a 429 problem', async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await gateway.request('GET', '/v1/teams');
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await gateway.request('GET', '/v1/teams');
    const problem = expectProblem(refused, 429);
    expect(problem.type).toMatch(/rate-limited$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const metrics = await (
      await fetch(`${gateway.url.replace('[::1]', '127.0.0.1')}/metrics`)
    ).text();
    expect(sampleValue(metrics, 'gateway_rate_limit_rejections_total', { caller: 'demo' })).toBe(1);
  });

  it("keeps other callers' budgets apart and honours a caller's own limit", async () => {
    for (let i = 0; i < 5; i++) {
      const response = await gateway.request('GET', '/v1/teams', { key: ACME_ONLY_KEY });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('5');
    }
    expectProblem(await gateway.request('GET', '/v1/teams', { key: ACME_ONLY_KEY }), 429);
  });

  it('does not count probes or unauthenticated requests', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await gateway.request('GET', '/health/ready', { key: null })).status).toBe(200);
      expect((await gateway.request('GET', '/v1/teams', { key: 'wrong' })).status).toBe(401);
    }
  });
});

describe('rate limit across routes', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway((config) => ({
      ...config,
      rateLimit: { requestsPerWindow: 4, windowSeconds: 60 },
    }));
  });
  afterAll(() => gateway.close());

  it('spends one budget per caller whatever the route', async () => {
    const paths = [
      '/v1/teams',
      '/v1/teams/acme/catalogs',
      '/v1/teams/acme/applications',
      '/v1/teams',
    ];
    const remaining: (string | null)[] = [];
    for (const path of paths) {
      const response = await gateway.request('GET', path);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);
    const refused = await gateway.request('GET', '/v1/teams/globex/catalogs');
    expectProblem(refused, 429);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
  });
});

const limitedTo = (requestsPerWindow: number) => (config: GatewayConfig) => ({
  ...config,
  rateLimit: { requestsPerWindow, windowSeconds: 60 },
});

(TEST_REDIS_URL ? describe : describe.skip)(
  `rate limit shared by two instances through Redis${TEST_REDIS_URL ? '' : ` (${REDIS_SKIP_NOTE})`}`,
  () => {
    let instances: SharedInstances;
    beforeAll(async () => {
      instances = await startSharedInstances(uniqueTestKeyPrefix(), limitedTo(5));
    });
    afterAll(() => instances?.close());

    it('counts a caller on both instances against one budget', async () => {
      const { first, second } = instances;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await (i % 2 === 0 ? first : second).request('GET', '/v1/teams')).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    });
  },
);

describe('rate limit with Redis down', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    const url = await unreachableRedisUrl('pw');
    gateway = await startTestGateway((config) => usingRedis(url)(limitedTo(2)(config)));
  });
  afterAll(() => gateway.close());

  it('keeps counting per instance instead of failing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await gateway.request('GET', '/v1/teams')).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

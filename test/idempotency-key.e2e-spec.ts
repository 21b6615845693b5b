import {
  deleteTestKeys,
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
  usingRedis,
} from '../src/redis/redis.test-helpers';
import {
  expectReplayOf,
  freshIdempotencyKey as freshKey,
  install,
  INSTALL,
  installBody,
  UPGRADE,
  untilCalled,
} from './support/idempotent-install';
import {
  ACME_ONLY_KEY,
  expectProblem,
  fieldsOf,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';
import { startSharedInstances, type SharedInstances } from './support/shared-instances';

/** This run's keys in the shared Redis, deleted at the end. */
const REDIS_PREFIX = uniqueTestKeyPrefix();
afterAll(() => TEST_REDIS_URL && deleteTestKeys(TEST_REDIS_URL, REDIS_PREFIX));

const stores = [
  { store: 'memory', configure: undefined, redisReadiness: undefined },
  ...(TEST_REDIS_URL
    ? [
        {
          store: 'Redis',
          configure: usingRedis(TEST_REDIS_URL, REDIS_PREFIX),
          redisReadiness: { status: 'up', connection: 'up', mode: 'shared' },
        },
      ]
    : []),
];

describe.each(stores)(
  'Idempotency-Key on POST routes ($store store)',
  ({ configure, redisReadiness }) => {
    let gateway: TestGateway;
    /** Writes sent to Rainbond (an install answer also reads the app once afterwards). */
    const rainbondCalls = () =>
      gateway.sandbox.calls('rainbond').filter((call) => call.method === 'POST').length;

    beforeAll(async () => {
      gateway = await startTestGateway(configure);
    });
    afterAll(() => gateway.close());
    beforeEach(() => gateway.sandbox.resetCalls());

    it('shows in readiness whether Redis is used', async () => {
      const ready = await gateway.request('GET', '/health/ready', { key: null });
      expect(ready.status).toBe(200);
      expect(ready.body.info.redis).toEqual(redisReadiness);
    });

    it('replays the first response to a repeat, marked, without calling the upstream again', async () => {
      const key = freshKey();
      const first = await install(gateway, key);
      const replay = await install(gateway, key);

      expect(first.status).toBe(200);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expectReplayOf(replay, first);
      expect(rainbondCalls()).toBe(1);
    });

    it('treats a bare key and the same key as an sf-string as one key', async () => {
      const key = freshKey();
      const first = await install(gateway, key);
      expectReplayOf(await install(gateway, key.slice(1, -1)), first);
      expect(rainbondCalls()).toBe(1);
    });

    it('runs every request without a key', async () => {
      await gateway.request('POST', INSTALL, { body: installBody() });
      await gateway.request('POST', INSTALL, { body: installBody() });
      expect(rainbondCalls()).toBe(2);
    });

    it('answers 422 to the same key with another body or path, calling nothing', async () => {
      const key = freshKey();
      await install(gateway, key);

      const otherBody = await install(gateway, key, installBody('8.0.0'));
      expect(expectProblem(otherBody, 422).type).toMatch(/idempotency-key-reused$/);
      const otherPath = await gateway.request('POST', UPGRADE, {
        body: installBody(),
        headers: { 'idempotency-key': key },
      });
      expectProblem(otherPath, 422);
      expect(rainbondCalls()).toBe(1);
    });

    it('fingerprints the body as JSON: key order and spacing do not matter', async () => {
      const key = freshKey();
      const first = await install(gateway, key);
      const { market, appModelId, appModelVersion } = installBody();
      const reordered = await install(gateway, key, { appModelVersion, appModelId, market });
      expectReplayOf(reordered, first);
    });

    it('answers 409 with Retry-After while the first request is still running', async () => {
      const key = freshKey();
      gateway.sandbox.faults.inject('rainbond', { kind: 'latency', ms: 600 }, { times: 1 });
      const pending = install(gateway, key);
      await untilCalled(gateway, 1);

      const duplicate = await install(gateway, key);
      expect(expectProblem(duplicate, 409).type).toMatch(/idempotency-key-in-flight$/);
      expect(duplicate.headers.get('retry-after')).toBe('1');

      const first = await pending;
      expect(first.status).toBe(200);
      expectReplayOf(await install(gateway, key), first);
      expect(rainbondCalls()).toBe(1);
    });

    it('keeps the keys of different callers apart', async () => {
      const key = freshKey();
      await install(gateway, key);
      const other = await gateway.request('POST', INSTALL, {
        body: installBody(),
        key: ACME_ONLY_KEY,
        headers: { 'idempotency-key': key },
      });
      expect(other.status).toBe(200);
      expect(other.headers.get('idempotent-replayed')).toBeNull();
      expect(rainbondCalls()).toBe(2);
    });

    it('does not keep a 503 (upstream throttling): the retry runs', async () => {
      const key = freshKey();
      gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 429 }, { times: 1 });
      expectProblem(await install(gateway, key), 503);

      const retry = await install(gateway, key);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(rainbondCalls()).toBe(2);
    });

    it('keeps a final upstream error (the write may have happened): the retry gets it again', async () => {
      const key = freshKey();
      gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 500 }, { times: 1 });
      const first = await install(gateway, key);
      expectProblem(first, 502);

      const replay = await install(gateway, key);
      expectReplayOf(replay, first);
      expect(replay.body.requestId).toBe(first.body.requestId);
      expect(rainbondCalls()).toBe(1);
    });

    it('does not keep a validation failure: the corrected request may reuse the key', async () => {
      const key = freshKey();
      const invalid = await install(gateway, key, { ...installBody(), appModelId: undefined });
      expect(fieldsOf(expectProblem(invalid, 400))).toContain('appModelId');

      expect((await install(gateway, key)).status).toBe(200);
      expect(rainbondCalls()).toBe(1);
    });

    it.each([
      ['empty', '""'],
      ['too long', 'k'.repeat(256)],
      ['with a space', '"a b"'],
      ['an unterminated string', '"abc'],
    ])('refuses a key that is %s with 400, calling nothing', async (_, key) => {
      const response = await install(gateway, key);
      expect(fieldsOf(expectProblem(response, 400))).toEqual(['Idempotency-Key']);
      expect(rainbondCalls()).toBe(0);
    });
  },
);

(TEST_REDIS_URL ? describe : describe.skip)(
  `two gateway instances sharing Redis${TEST_REDIS_URL ? '' : ` (${REDIS_SKIP_NOTE})`}`,
  () => {
    let first: TestGateway;
    let second: TestGateway;
    let instances: SharedInstances;
    const rainbondCalls = () =>
      [first, second].flatMap((gateway) =>
        gateway.sandbox.calls('rainbond').filter((call) => call.method === 'POST'),
      ).length;

    beforeAll(async () => {
      instances = await startSharedInstances(REDIS_PREFIX);
      ({ first, second } = instances);
    });
    afterAll(() => instances?.close());
    beforeEach(() => {
      first.sandbox.resetCalls();
      second.sandbox.resetCalls();
    });

    it('reports shared mode in readiness', async () => {
      const ready = await second.request('GET', '/health/ready', { key: null });
      expect(ready.status).toBe(200);
      expect(ready.body.info.redis).toEqual({ status: 'up', connection: 'up', mode: 'shared' });
    });

    it('makes one upstream write for a request retried on the other instance', async () => {
      const key = freshKey();
      const original = await install(first, key);
      expectReplayOf(await install(second, key), original);
      expect(rainbondCalls()).toBe(1);
    });

    it('answers 409 on one instance while the other runs the request', async () => {
      const key = freshKey();
      first.sandbox.faults.inject('rainbond', { kind: 'latency', ms: 600 }, { times: 1 });
      const pending = install(first, key);
      await untilCalled(first, 1);

      expectProblem(await install(second, key), 409);
      expect((await pending).status).toBe(200);
      expect(rainbondCalls()).toBe(1);
    });
  },
);

import Redis from 'ioredis';
import { RedisConnection } from '../redis/redis-connection';
import {
  deleteTestKeys,
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
} from '../redis/redis.test-helpers';
import type { ProgressConfig } from '../config/gateway-config.schema';
import type { BusMessage } from './progress-bus';
import { RedisProgressBus } from './redis-progress-bus';

const LEASE_MS = 300;
const SETTINGS = { leaseMs: LEASE_MS, maxPollIntervalMs: 200 } as ProgressConfig;
const describeWithRedis = TEST_REDIS_URL ? describe : describe.skip;
if (!TEST_REDIS_URL) console.log(`RedisProgressBus: ${REDIS_SKIP_NOTE}`);

describeWithRedis('RedisProgressBus', () => {
  const prefix = uniqueTestKeyPrefix();
  const connections: RedisConnection[] = [];
  const buses: RedisProgressBus[] = [];

  async function bus(): Promise<RedisProgressBus> {
    const connection = new RedisConnection({ url: TEST_REDIS_URL, keyPrefix: prefix });
    await connection.onApplicationBootstrap();
    connections.push(connection);
    const created = new RedisProgressBus(connection, prefix, SETTINGS);
    buses.push(created);
    return created;
  }

  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await Promise.all(connections.map((c) => c.onApplicationShutdown()));
    await deleteTestKeys(TEST_REDIS_URL!, prefix);
  });

  it('gives the lease to one replica, and to another once the holder stops renewing', async () => {
    const [a, b] = [await bus(), await bus()];
    expect(await a.lead('acme|rainbond:region-1:1')).toBe(true);
    expect(await b.lead('acme|rainbond:region-1:1')).toBe(false);
    expect(await a.lead('acme|rainbond:region-1:1')).toBe(true); // renewal
    const died = Date.now();
    while (!(await b.lead('acme|rainbond:region-1:1'))) await sleep(20);
    expect(Date.now() - died).toBeGreaterThanOrEqual(LEASE_MS - 50);
    expect(Date.now() - died).toBeLessThan(LEASE_MS + 200);
    expect(await a.lead('acme|rainbond:region-1:1')).toBe(false);
  });

  it('hands the lease over at once when the holder resigns', async () => {
    const [a, b] = [await bus(), await bus()];
    expect(await a.lead('acme|rainbond:region-1:2')).toBe(true);
    await a.resign('acme|rainbond:region-1:2');
    expect(await b.lead('acme|rainbond:region-1:2')).toBe(true);
  });

  it('relays what the leader publishes to the others, and keeps it for late joiners', async () => {
    const [leader, follower] = [await bus(), await bus()];
    const received: BusMessage[] = [];
    await follower.join('acme|rainbond:region-1:3', (message) => received.push(message));
    const snapshot = {
      id: 'state-1',
      progress: {
        applicationId: 'rainbond:region-1:3',
        provider: 'rainbond' as const,
        settled: false,
        observedAt: '2026-12-01T00:00:00.000Z',
      },
    };
    await leader.publish('acme|rainbond:region-1:3', { snapshot });
    while (received.length === 0) await sleep(10);
    expect(received).toEqual([{ snapshot }]);
    const late = await bus();
    expect(await late.join('acme|rainbond:region-1:3', () => undefined)).toEqual(snapshot);
  });

  it('names the channel with the deployment prefix', async () => {
    const spy = new Redis(TEST_REDIS_URL!);
    const seen: string[] = [];
    spy.on('pmessage', (_pattern, channel) => seen.push(channel));
    await spy.psubscribe(`${prefix}progress:*`);
    await (
      await bus()
    ).publish('acme|x', { gone: { status: 404, slug: 'not-found', title: 'Not found' } });
    while (seen.length === 0) await sleep(10);
    expect(seen).toEqual([`${prefix}progress:acme|x`]);
    await spy.quit();
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

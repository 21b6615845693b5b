import { unreachableRedisUrl, usingRedis } from '../src/redis/redis.test-helpers';
import { expectReplayOf, freshIdempotencyKey, install } from './support/idempotent-install';
import { startTestGateway, type TestGateway } from './support/test-gateway';

/* In a file of its own: the gateway's start-up logs go to the first gateway a test file starts. */
describe('Idempotency-Key with Redis configured but down', () => {
  const password = 'redis-password-never-logged';
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway(usingRedis(await unreachableRedisUrl(password)));
  });
  afterAll(() => gateway.close());

  it('still serves, and replays from the instance memory', async () => {
    const key = freshIdempotencyKey();
    const first = await install(gateway, key);
    expect(first.status).toBe(200);
    expectReplayOf(await install(gateway, key), first);
    // one install sent (its answer also reads the app once), none for the replay
    expect(gateway.sandbox.calls('rainbond').filter((call) => call.method === 'POST')).toHaveLength(
      1,
    );
  });

  it('stays ready and reports the degraded mode', async () => {
    const ready = await gateway.request('GET', '/health/ready', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body.info.redis).toEqual({
      status: 'up',
      connection: 'down',
      mode: 'degraded-memory',
    });
  });

  it('logs a warning without the Redis URL', () => {
    const warnings = gateway
      .logs()
      .filter((line) => line.level === 'warn' && String(line.msg).includes('Redis unavailable'));
    expect(warnings).not.toHaveLength(0);
    expect(JSON.stringify(gateway.logs())).not.toContain(password);
  });
});

import Redis from 'ioredis';
import {
  deleteTestKeys,
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
} from '../redis/redis.test-helpers';
import { RedisRateLimitWindow } from './redis-rate-limit-window';

(TEST_REDIS_URL ? describe : describe.skip)(
  `RedisRateLimitWindow${TEST_REDIS_URL ? '' : ` (${REDIS_SKIP_NOTE})`}`,
  () => {
    const prefix = uniqueTestKeyPrefix();
    let first: Redis;
    let second: Redis;

    beforeAll(() => {
      first = new Redis(TEST_REDIS_URL!, { keyPrefix: prefix });
      second = new Redis(TEST_REDIS_URL!, { keyPrefix: prefix });
    });
    afterAll(async () => {
      await deleteTestKeys(TEST_REDIS_URL!, prefix);
      await Promise.all([first.quit(), second.quit()]);
    });

    it('counts one principal over every replica, atomically, in one key that expires with its window', async () => {
      const replicas = [
        new RedisRateLimitWindow(first, 60_000),
        new RedisRateLimitWindow(second, 60_000),
      ];
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => replicas[i % 2].hit('caller:shared')),
      );
      expect(counts.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      for (const { resetMs } of counts) {
        expect(resetMs).toBeGreaterThan(55_000);
        expect(resetMs).toBeLessThanOrEqual(60_000);
      }
      expect(await first.pttl('rate-limit:caller:shared')).toBeGreaterThan(55_000);
      expect((await replicas[0].hit('caller:other')).count).toBe(1);
    });

    it('starts a new window once the old one expired', async () => {
      const window = new RedisRateLimitWindow(first, 50);
      await window.hit('caller:short');
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await window.hit('caller:short')).count).toBe(1);
    });

    it('gives an expiry to a counter found without one', async () => {
      await first.set('rate-limit:caller:stale', '7');
      const hit = await new RedisRateLimitWindow(first, 60_000).hit('caller:stale');
      expect(hit).toEqual({ count: 8, resetMs: 60_000 });
      expect(await first.pttl('rate-limit:caller:stale')).toBeGreaterThan(0);
    });
  },
);

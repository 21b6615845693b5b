import Redis from 'ioredis';
import { redisClientOptions } from '../redis/redis-connection';
import {
  deleteTestKeys,
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
} from '../redis/redis.test-helpers';
import { describeIdempotencyStoreContract } from './idempotency-store.test-helpers';
import { RedisIdempotencyStore } from './redis-idempotency.store';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

(TEST_REDIS_URL ? describe : describe.skip)(
  `RedisIdempotencyStore${TEST_REDIS_URL ? '' : ` (${REDIS_SKIP_NOTE})`}`,
  () => {
    const prefix = uniqueTestKeyPrefix();
    let client: Redis;

    beforeAll(async () => {
      client = new Redis(TEST_REDIS_URL!, redisClientOptions(prefix));
      await client.connect();
    });
    afterAll(async () => {
      await client.quit();
      await deleteTestKeys(TEST_REDIS_URL!, prefix);
    });

    describeIdempotencyStoreContract(() =>
      Promise.resolve({ store: new RedisIdempotencyStore(client), elapse: sleep }),
    );

    it('writes under the configured key prefix only', async () => {
      const store = new RedisIdempotencyStore(client);
      await store.claim(
        'caller:prefixed',
        { state: 'in-flight', fingerprint: 'f', owner: 'o' },
        5_000,
      );
      const plain = new Redis(TEST_REDIS_URL!, { lazyConnect: true });
      await plain.connect();
      try {
        expect(await plain.exists(`${prefix}idem:caller:prefixed`)).toBe(1);
      } finally {
        await plain.quit();
      }
    });
  },
);

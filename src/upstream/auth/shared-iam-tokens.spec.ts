import { Logger } from '@nestjs/common';
import { RedisConnection } from '../../redis/redis-connection';
import {
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  deleteTestKeys,
  uniqueTestKeyPrefix,
  unreachableRedisUrl,
} from '../../redis/redis.test-helpers';
import type { IamToken } from './iam.client';
import { SharedIamTokens } from './shared-iam-tokens';

const SCOPE = '["project","https://iam.example","acct","user","p1"]';

/** An IAM stand-in that counts calls and answers after a short while with a numbered token. */
function countingIam(delayMs = 30) {
  let calls = 0;
  const fetch = jest.fn(async (): Promise<IamToken> => {
    calls += 1;
    const token = `token-${calls}`;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { token, expiresAt: new Date(Date.now() + 3_600_000) };
  });
  return { fetch, calls: () => calls };
}

describe('SharedIamTokens', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation());
  afterEach(() => jest.restoreAllMocks());

  it('fetches alone when no Redis is configured', async () => {
    const iam = countingIam(0);
    const shared = new SharedIamTokens();
    await shared.fetchThrough(SCOPE, iam.fetch)();
    await shared.fetchThrough(SCOPE, iam.fetch)();
    expect(iam.calls()).toBe(2);
  });

  it('fetches alone while Redis is down', async () => {
    const connection = new RedisConnection({
      url: await unreachableRedisUrl('pw'),
      keyPrefix: 'x:',
    });
    await connection.onApplicationBootstrap();
    const iam = countingIam(0);
    await expect(
      new SharedIamTokens(connection).fetchThrough(SCOPE, iam.fetch)(),
    ).resolves.toMatchObject({
      token: 'token-1',
    });
    await connection.onApplicationShutdown();
  });

  (TEST_REDIS_URL ? describe : describe.skip)(
    `between instances${TEST_REDIS_URL ? '' : ` (${REDIS_SKIP_NOTE})`}`,
    () => {
      const prefix = uniqueTestKeyPrefix();
      const connections: RedisConnection[] = [];
      let instances: SharedIamTokens[];

      beforeAll(async () => {
        for (let i = 0; i < 3; i++) {
          const connection = new RedisConnection({ url: TEST_REDIS_URL, keyPrefix: prefix });
          await connection.onApplicationBootstrap();
          connections.push(connection);
        }
        instances = connections.map((connection) => new SharedIamTokens(connection));
      });
      afterAll(async () => {
        await Promise.all(connections.map((connection) => connection.onApplicationShutdown()));
        await deleteTestKeys(TEST_REDIS_URL!, prefix);
      });

      it('makes one IAM call for a cold scope however many instances ask at once', async () => {
        const iam = countingIam();
        const scope = `${SCOPE}-cold`;
        const tokens = await Promise.all(
          instances.flatMap((instance) =>
            [1, 2, 3].map(() => instance.fetchThrough(scope, iam.fetch)()),
          ),
        );
        expect(iam.calls()).toBe(1);
        expect(new Set(tokens.map((token) => token.token))).toEqual(new Set(['token-1']));
      });

      it('fetches a new token when asked to replace the shared one, and the others adopt it', async () => {
        const iam = countingIam();
        const scope = `${SCOPE}-refresh`;
        const first = await instances[0].fetchThrough(scope, iam.fetch)();
        const refreshed = await Promise.all(
          instances.map((instance) => instance.fetchThrough(scope, iam.fetch)(first.token)),
        );
        expect(iam.calls()).toBe(2);
        expect(refreshed.map((token) => token.token)).toEqual(['token-2', 'token-2', 'token-2']);
      });

      it('forgets a rejected token for every instance', async () => {
        const iam = countingIam(0);
        const scope = `${SCOPE}-rejected`;
        const first = await instances[0].fetchThrough(scope, iam.fetch)();
        await instances[1].drop(scope, first.token);
        await expect(instances[2].fetchThrough(scope, iam.fetch)()).resolves.toMatchObject({
          token: 'token-2',
        });
      });
    },
  );
});

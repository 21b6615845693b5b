import { PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import {
  deleteTestKeys,
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
  usingRedis,
} from '../src/redis/redis.test-helpers';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const REDIS_PREFIX = uniqueTestKeyPrefix();

(TEST_REDIS_URL ? describe : describe.skip)(
  `IAM tokens shared by two gateway instances through Redis${TEST_REDIS_URL ? '' : ` (${REDIS_SKIP_NOTE})`}`,
  () => {
    let first: TestGateway;
    let second: TestGateway;

    beforeAll(async () => {
      first = await startTestGateway(usingRedis(TEST_REDIS_URL!, REDIS_PREFIX));
      // The second instance calls the first one's simulators, with the same Redis and prefix.
      second = await startTestGateway(() => first.config);
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
      await deleteTestKeys(TEST_REDIS_URL!, REDIS_PREFIX);
    });

    it('makes one IAM call when both start cold under 200 concurrent publishes', async () => {
      const publish = (gateway: TestGateway, i: number) =>
        gateway.request('POST', '/v1/teams/globex/applications', {
          body: { ...PUBLISH_EXAMPLES.appWarehouse.value, name: `shared-token-${i}` },
        });
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => publish(i % 2 === 0 ? first : second, i)),
      );
      expect(answers.filter((answer) => answer.status !== 201)).toEqual([]);
      expect(first.sandbox.iamTokensIssued()).toBe(1);
      expect(second.sandbox.iamTokensIssued()).toBe(0);
    }, 60_000);
  },
);

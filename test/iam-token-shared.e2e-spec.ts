import { PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import {
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
} from '../src/redis/redis.test-helpers';
import { startSharedInstances, type SharedInstances } from './support/shared-instances';
import type { TestGateway } from './support/test-gateway';

(TEST_REDIS_URL ? describe : describe.skip)(
  `IAM tokens shared by two gateway instances through Redis${TEST_REDIS_URL ? '' : ` (${REDIS_SKIP_NOTE})`}`,
  () => {
    let instances: SharedInstances;
    beforeAll(async () => {
      instances = await startSharedInstances(uniqueTestKeyPrefix());
    });
    afterAll(() => instances?.close());

    it('makes one IAM call when both start cold under 200 concurrent publishes', async () => {
      const publish = (gateway: TestGateway, i: number) =>
        gateway.request('POST', '/v1/teams/globex/applications', {
          body: { ...PUBLISH_EXAMPLES.appWarehouse.value, name: `shared-token-${i}` },
        });
      const { first, second } = instances;
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => publish(i % 2 === 0 ? first : second, i)),
      );
      expect(answers.filter((answer) => answer.status !== 201)).toEqual([]);
      expect(first.sandbox.iamTokensIssued()).toBe(1);
      expect(second.sandbox.iamTokensIssued()).toBe(0);
    }, 60_000);
  },
);

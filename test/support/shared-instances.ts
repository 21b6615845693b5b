import type { GatewayConfig } from '../../src/config/gateway-config.schema';
import type { Sandbox, SandboxOptions } from '../../sandbox/sandbox';
import { deleteTestKeys, TEST_REDIS_URL, usingRedis } from '../../src/redis/redis.test-helpers';
import { startTestGateway, type TestGateway } from './test-gateway';

export interface SharedInstances {
  first: TestGateway;
  second: TestGateway;
  close(): Promise<void>;
}

/**
 * Two gateway instances on the test Redis (TEST_REDIS_URL) under one key prefix. The second calls
 * the first one's simulators, so `first.sandbox` sees every upstream call of both.
 */
export async function startSharedInstances(
  keyPrefix: string,
  configure: (config: GatewayConfig, sandbox: Sandbox) => GatewayConfig = (config) => config,
  sandboxOptions: SandboxOptions = {},
): Promise<SharedInstances> {
  const first = await startTestGateway(
    (config, sandbox) => usingRedis(TEST_REDIS_URL!, keyPrefix)(configure(config, sandbox)),
    sandboxOptions,
  );
  const second = await startTestGateway(() => first.config);
  return {
    first,
    second,
    async close() {
      await second.close();
      await first.close();
      await deleteTestKeys(TEST_REDIS_URL!, keyPrefix);
    },
  };
}

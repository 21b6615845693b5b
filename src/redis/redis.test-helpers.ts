import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import Redis from 'ioredis';
import type { GatewayConfig } from '../config/gateway-config.schema';

/** The Redis tests use (CI sets REDIS_URL); undefined skips them. */
export const TEST_REDIS_URL = process.env.REDIS_URL || undefined;

export const REDIS_SKIP_NOTE = 'skipped: set REDIS_URL (e.g. redis://127.0.0.1:6379) to run';

/** A key prefix no other test run uses: the Redis may be shared with other runs. */
export function uniqueTestKeyPrefix(): string {
  return `gw-test:${randomUUID()}:`;
}

/** Deletes this run's keys only (never FLUSHALL: the Redis is shared). */
export async function deleteTestKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await client.quit();
  }
}

/** A Redis URL (with a password, to check it never shows) of a loopback port nobody listens on. */
export async function unreachableRedisUrl(password: string): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `redis://:${password}@127.0.0.1:${port}`;
}

/** A `startTestGateway` configure step that points the gateway at this Redis. */
export function usingRedis(url: string, keyPrefix = 'gw:') {
  return (config: GatewayConfig): GatewayConfig => ({ ...config, redis: { url, keyPrefix } });
}

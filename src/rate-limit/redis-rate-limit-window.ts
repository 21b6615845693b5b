import type Redis from 'ioredis';
import type { WindowCount } from './rate-limit-window';

/**
 * One round trip, atomic: count the request and start the window (its expiry) on the first one.
 * A key found without an expiry (never left by this script) gets one, so no counter lives forever.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

type ScriptedRedis = Redis & {
  gatewayRateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
};

/**
 * Fixed-window counters in Redis, shared by every replica: one key per principal, which expires
 * with its window (the window starts at the principal's first request).
 */
export class RedisRateLimitWindow {
  private readonly redis: ScriptedRedis;

  constructor(
    client: Redis,
    private readonly windowMs: number,
  ) {
    // defineCommand runs the script by its SHA (EVALSHA), loading it once when Redis lacks it.
    client.defineCommand('gatewayRateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = client as ScriptedRedis;
  }

  async hit(principal: string): Promise<WindowCount> {
    const [count, resetMs] = await this.redis.gatewayRateLimitHit(
      `rate-limit:${principal}`,
      this.windowMs,
    );
    return { count, resetMs };
  }
}

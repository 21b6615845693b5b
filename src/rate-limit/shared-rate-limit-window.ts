import { Logger } from '@nestjs/common';
import type { RedisConnection } from '../redis/redis-connection';
import { MemoryRateLimitWindow, type WindowCount } from './rate-limit-window';
import { RedisRateLimitWindow } from './redis-rate-limit-window';

/**
 * Rate-limit counters in Redis when it is usable, so every instance counts the same requests; in
 * this instance's memory otherwise (no Redis configured, or Redis down), so a Redis outage costs
 * accuracy, never a 500. Without Redis a hit is synchronous: no promise per request.
 */
export class SharedRateLimitWindow {
  private readonly logger = new Logger(SharedRateLimitWindow.name);
  private readonly memory: MemoryRateLimitWindow;
  private readonly shared?: RedisRateLimitWindow;

  constructor(
    private readonly redis: RedisConnection,
    windowMs: number,
  ) {
    this.memory = new MemoryRateLimitWindow(windowMs);
    if (redis.client) this.shared = new RedisRateLimitWindow(redis.client, windowMs);
  }

  hit(principal: string): WindowCount | Promise<WindowCount> {
    if (this.shared && this.redis.usable) return this.sharedHit(this.shared, principal);
    return this.memory.hit(principal);
  }

  private async sharedHit(shared: RedisRateLimitWindow, principal: string): Promise<WindowCount> {
    try {
      return await shared.hit(principal);
    } catch (error) {
      this.logger.warn(`rate limit counted in memory: Redis failed (${(error as Error).message})`);
      return this.memory.hit(principal);
    }
  }
}

import { Logger } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { RedisConnection } from '../redis/redis-connection';

/**
 * Rate-limit counters in Redis when it is usable, so every instance counts the same requests; in
 * this instance's memory otherwise (no Redis configured, or Redis down), so a Redis outage costs
 * accuracy, never a 500.
 */
export class SharedRateLimitStorage implements ThrottlerStorage {
  private readonly logger = new Logger(SharedRateLimitStorage.name);
  /** Its sweep timer is unref'd: it never holds the process open. */
  private readonly memory = new ThrottlerStorageService();
  private readonly shared?: ThrottlerStorageRedisService;

  constructor(private readonly redis: RedisConnection) {
    if (redis.client) this.shared = new ThrottlerStorageRedisService(redis.client);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (this.shared && this.redis.usable) {
      try {
        return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      } catch (error) {
        this.logger.warn(
          `rate limit counted in memory: Redis failed (${(error as Error).message})`,
        );
      }
    }
    return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
  }
}

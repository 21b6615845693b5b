import { Inject, Injectable, Logger } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { RedisConnection } from '../redis/redis-connection';
import type { IdempotencyRecord, IdempotencyStore, InFlightRecord } from './idempotency.store';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { RedisIdempotencyStore } from './redis-idempotency.store';

export interface Claim {
  /** The store that now holds the key: the request's outcome goes there too. */
  store: IdempotencyStore;
  /** The record already there, or undefined when this request claimed the key. */
  existing: IdempotencyRecord | undefined;
}

/**
 * Chooses each request's store: Redis when it is configured and answers, so that every instance
 * sees every key; this instance's memory otherwise (no Redis, or Redis down: degraded, not failing).
 */
@Injectable()
export class IdempotencyStores {
  private readonly logger = new Logger(IdempotencyStores.name);
  private readonly memory: MemoryIdempotencyStore;
  private readonly shared: RedisIdempotencyStore | undefined;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.memory = new MemoryIdempotencyStore(config.idempotency.memoryMaxKeys);
    this.shared = redis.client && new RedisIdempotencyStore(redis.client);
  }

  async claim(key: string, marker: InFlightRecord, leaseMs: number): Promise<Claim> {
    // While Redis is down, RedisConnection has logged the outage once; requests go to memory.
    if (this.shared && this.redis.usable) {
      try {
        return { store: this.shared, existing: await this.shared.claim(key, marker, leaseMs) };
      } catch (error) {
        this.logger.warn(
          `Redis failed to claim an idempotency key (${(error as Error).message}): this request uses the instance's memory`,
        );
      }
    }
    return { store: this.memory, existing: await this.memory.claim(key, marker, leaseMs) };
  }
}

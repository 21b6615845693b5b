import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { RedisConnection } from '../redis/redis-connection';

/**
 * Redis in the readiness report. Its terminus `status` stays `up` even when Redis is down: the
 * gateway then serves from per-instance memory stores, and taking it out of rotation would not bring
 * Redis back. `connection` and `mode` say what is actually happening.
 */
@Injectable()
export class RedisIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisConnection,
  ) {}

  get applies(): boolean {
    return this.redis.configured;
  }

  check(): HealthIndicatorResult<'redis'> {
    const usable = this.redis.usable;
    return this.indicators.check('redis').up({
      connection: usable ? 'up' : 'down',
      mode: usable ? 'shared' : 'degraded-memory',
    });
  }
}

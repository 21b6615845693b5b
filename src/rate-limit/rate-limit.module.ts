import { type DynamicModule, Module } from '@nestjs/common';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { RedisConnection } from '../redis/redis-connection';
import { CallerRateLimitGuard, RateLimitBudgets } from './caller-rate-limit.guard';
import { SharedRateLimitWindow } from './shared-rate-limit-window';

/**
 * One budget per principal; its guard takes its place in the inbound chain (inbound-chain.ts), after
 * the auth guard has named the caller. Counters live in Redis when it is configured (shared by the
 * instances), in memory otherwise.
 */
@Module({})
export class RateLimitModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    const { requestsPerWindow, windowSeconds } = config.rateLimit;
    const perCaller = new Map(
      config.callers.map((caller) => [caller.name, caller.requestsPerWindow ?? requestsPerWindow]),
    );
    if (config.oidc) {
      perCaller.set(config.oidc.callerName, config.oidc.requestsPerWindow ?? requestsPerWindow);
    }
    return {
      module: RateLimitModule,
      providers: [
        {
          provide: RateLimitBudgets,
          useValue: new RateLimitBudgets(windowSeconds, perCaller, requestsPerWindow),
        },
        {
          provide: SharedRateLimitWindow,
          inject: [RedisConnection],
          useFactory: (redis: RedisConnection) =>
            new SharedRateLimitWindow(redis, windowSeconds * 1000),
        },
        CallerRateLimitGuard,
      ],
      exports: [CallerRateLimitGuard],
    };
  }
}

import { type DynamicModule, type ExecutionContext, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { RedisConnection } from '../redis/redis-connection';
import { CallerThrottlerGuard } from './caller-throttler.guard';
import { SharedRateLimitStorage } from './shared-rate-limit.storage';

/**
 * Must be imported after AuthModule: its guard runs after the auth guard has set the caller.
 * Counters live in Redis when it is configured (shared by the instances), in memory otherwise.
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
    const limitOf = (context: ExecutionContext) => {
      const caller = context.switchToHttp().getRequest<FastifyRequest>().caller;
      return (caller && perCaller.get(caller.name)) ?? requestsPerWindow;
    };
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [RedisConnection],
          useFactory: (redis: RedisConnection) => ({
            storage: new SharedRateLimitStorage(redis),
            throttlers: [
              {
                ttl: windowSeconds * 1000,
                limit: limitOf,
                skipIf: (context) => limitOf(context) === 0,
              },
            ],
          }),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: CallerThrottlerGuard }],
    };
  }
}

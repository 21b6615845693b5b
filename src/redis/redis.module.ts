import { Global, Module } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { RedisConnection } from './redis-connection';

/** The optional shared Redis connection (config `redis`, or REDIS_URL), injectable everywhere. */
@Global()
@Module({
  providers: [
    {
      provide: RedisConnection,
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => new RedisConnection(config.redis),
    },
  ],
  exports: [RedisConnection],
})
export class RedisModule {}

import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { ApplicationsModule } from './applications/applications.module';
import { GatewayConfigModule } from './config/config.module';
import type { GatewayConfig } from './config/gateway-config.schema';
import { HealthModule } from './health/health.module';
import { InboundChainModule } from './inbound-chain';
import { MetricsModule } from './metrics/metrics.module';
import { ProgressModule } from './progress/progress.module';
import { RedisModule } from './redis/redis.module';
import { TeamsModule } from './teams/teams.module';

@Module({})
export class AppModule {
  static forConfig(config: GatewayConfig, logger: PinoLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // One pino logger for Fastify and Nest. Inside a request Nest's logs go through Fastify's
        // request logger (`useExisting`), which carries the requestId: no pino-http middleware
        // building (and serializing the request into) child loggers per request that nothing uses.
        // The access line is written by an onResponse hook (logging/access-log.ts).
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true }),
        GatewayConfigModule.forRoot(config),
        MetricsModule.forConfig(config),
        RedisModule,
        InboundChainModule.forConfig(config),
        TeamsModule,
        ApplicationsModule,
        ProgressModule,
        HealthModule,
      ],
    };
  }
}

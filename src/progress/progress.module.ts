import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ApplicationsModule } from '../applications/applications.module';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { RedisConnection } from '../redis/redis-connection';
import { TeamsModule } from '../teams/teams.module';
import { PROGRESS_BUS, STREAM_TICKETS } from './progress.di-tokens';
import { ProgressController } from './progress.controller';
import { LocalProgressBus } from './progress-bus';
import { ProgressHub } from './progress-hub';
import { ProgressStreams } from './progress-streams';
import { RedisProgressBus } from './redis-progress-bus';
import { registerStreamTicketHook } from './stream-ticket.hook';
import { StreamTickets } from './stream-tickets';

/** Progress of asynchronous upstream work: the status read, event streams, one poller per app. */
@Module({
  imports: [TeamsModule, ApplicationsModule],
  controllers: [ProgressController],
  providers: [
    ProgressHub,
    ProgressStreams,
    {
      provide: STREAM_TICKETS,
      useFactory: (config: GatewayConfig) =>
        new StreamTickets(config.progress.ticketSecret, config.progress.ticketTtlSeconds),
      inject: [GATEWAY_CONFIG],
    },
    {
      provide: PROGRESS_BUS,
      useFactory: (config: GatewayConfig, redis: RedisConnection) =>
        redis.configured
          ? new RedisProgressBus(redis, config.redis.keyPrefix, config.progress)
          : new LocalProgressBus(config.progress.maxPollIntervalMs),
      inject: [GATEWAY_CONFIG, RedisConnection],
    },
  ],
})
export class ProgressModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(STREAM_TICKETS) private readonly tickets: StreamTickets,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) registerStreamTicketHook(fastify, this.tickets);
  }
}

import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { CallerAuthGuard } from './auth/caller-auth.guard';
import { createValidationPipe } from './common/validation';
import type { GatewayConfig } from './config/gateway-config.schema';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { CallerRateLimitGuard } from './rate-limit/caller-rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { TeamCredentialsGuard } from './teams/team-credentials.guard';
import { TeamsModule } from './teams/teams.module';

/**
 * The inbound chain, in the order every request meets it:
 * 1. request context: Fastify's first onRequest hook (common/request-context.ts, registered first
 *    by app.factory.ts), so everything below runs inside the request's AsyncLocalStorage;
 * 2. auth (who calls), 3. rate limit (that caller's budget), 4. team (`{team}` and a copy target
 *    for that caller), 5. idempotency (replays before any work), 6. validation.
 * Nest runs global guards, then global interceptors, then global pipes, each kind in the order
 * registered here; route-level enhancers (e.g. the monitor links) come after all of them.
 */
export const INBOUND_CHAIN: readonly Provider[] = [
  { provide: APP_GUARD, useExisting: CallerAuthGuard },
  { provide: APP_GUARD, useExisting: CallerRateLimitGuard },
  { provide: APP_GUARD, useExisting: TeamCredentialsGuard },
  { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
  { provide: APP_PIPE, useFactory: createValidationPipe },
];

/** The modules that own the chain's steps, and the chain wired once, in order. */
@Module({})
export class InboundChainModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: InboundChainModule,
      imports: [AuthModule, RateLimitModule.forConfig(config), TeamsModule, IdempotencyModule],
      providers: [...INBOUND_CHAIN],
    };
  }
}

import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyService } from './idempotency.service';
import { IdempotencyStores } from './idempotency-stores';

/**
 * `Idempotency-Key` on every POST, with records in Redis when it is configured; its interceptor takes
 * its place in the inbound chain (inbound-chain.ts).
 */
@Module({
  providers: [IdempotencyStores, IdempotencyService, IdempotencyInterceptor],
  exports: [IdempotencyInterceptor],
})
export class IdempotencyModule {}

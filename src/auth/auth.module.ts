import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { CallerRegistry } from './caller-registry';

@Module({
  providers: [CallerRegistry, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [CallerRegistry],
})
export class AuthModule {}

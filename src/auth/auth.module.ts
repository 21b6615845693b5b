import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CallerAuthGuard } from './caller-auth.guard';
import { CallerRegistry } from './caller-registry';
import { UserTokenVerifier } from './user-token.verifier';

@Module({
  providers: [CallerRegistry, UserTokenVerifier, { provide: APP_GUARD, useClass: CallerAuthGuard }],
  exports: [CallerRegistry],
})
export class AuthModule {}

import { Module } from '@nestjs/common';
import { CallerAuthGuard } from './caller-auth.guard';
import { CallerRegistry } from './caller-registry';
import { UserTokenVerifier } from './user-token.verifier';

/** Who is calling; its guard takes its place in the inbound chain (inbound-chain.ts). */
@Module({
  providers: [CallerRegistry, UserTokenVerifier, CallerAuthGuard],
  exports: [CallerRegistry, CallerAuthGuard],
})
export class AuthModule {}

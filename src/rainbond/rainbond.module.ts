import { UpstreamModule } from '../upstream/upstream.module';
import { Module } from '@nestjs/common';
import { RainbondAdapter } from './rainbond.adapter';
import { RainbondClient } from './rainbond.client';

/** Rainbond provider: the HTTP client and the ApplicationProvider adapter over it. Needs GATEWAY_CONFIG. */
@Module({
  imports: [UpstreamModule],
  providers: [RainbondClient, RainbondAdapter],
  exports: [RainbondAdapter, RainbondClient],
})
export class RainbondModule {}

import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { RainbondAdapter } from './rainbond.adapter';
import { RainbondClient } from './rainbond.client';

/** Rainbond provider: the HTTP client and the ApplicationProvider adapter over it. Needs GATEWAY_CONFIG. */
@Module({
  imports: [HttpModule],
  providers: [RainbondClient, RainbondAdapter],
  exports: [RainbondAdapter],
})
export class RainbondModule {}

import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import type { ProviderRegistration } from '../applications/provider-registration';
import { RainbondAdapter } from './rainbond.adapter';
import { RAINBOND_REGISTRATIONS } from './rainbond.provider';

/** Rainbond has the app operations (install, copy, upgrade) and upgrade options; no publish. */
function rainbondRegistrations(adapter: RainbondAdapter): ProviderRegistration<'rainbond'>[] {
  return [
    {
      provider: 'rainbond',
      ids: 'Rainbond applications (rainbond:{region}:{appId})',
      reader: adapter,
      installer: adapter,
      copier: adapter,
      upgrader: adapter,
      upgradeOptions: adapter,
    },
  ];
}

/** Rainbond provider: the adapter (which calls the upstream room) and its registration. Needs GATEWAY_CONFIG. */
@Module({
  imports: [UpstreamModule],
  providers: [
    RainbondAdapter,
    {
      provide: RAINBOND_REGISTRATIONS,
      useFactory: rainbondRegistrations,
      inject: [RainbondAdapter],
    },
  ],
  exports: [RAINBOND_REGISTRATIONS, RainbondAdapter],
})
export class RainbondModule {}

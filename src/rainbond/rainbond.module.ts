import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import type { ProviderPackage, ProviderRegistration } from '../applications/provider-registration';
import { RainbondAdapter } from './rainbond.adapter';

const RAINBOND_REGISTRATIONS = Symbol('RAINBOND_REGISTRATIONS');

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

/** What the applications module registers for Rainbond. */
export const RAINBOND_PROVIDER: ProviderPackage = {
  module: RainbondModule,
  registrations: RAINBOND_REGISTRATIONS,
};

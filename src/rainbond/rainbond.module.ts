import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import type { ProviderRegistration } from '../applications/provider-registration';
import { RainbondAdapter } from './rainbond.adapter';
import { RainbondProgressReader } from './rainbond-progress.reader';
import { RAINBOND_REGISTRATIONS } from './rainbond.provider';

/** Rainbond has the app operations (install, copy, upgrade), upgrade options and progress; no publish. */
function rainbondRegistrations(
  adapter: RainbondAdapter,
  progress: RainbondProgressReader,
): ProviderRegistration<'rainbond'>[] {
  return [
    {
      provider: 'rainbond',
      ids: 'Rainbond applications (rainbond:{region}:{appId})',
      reader: adapter,
      installer: adapter,
      copier: adapter,
      upgrader: adapter,
      upgradeOptions: adapter,
      progress,
    },
  ];
}

/** Rainbond provider: the adapter (which calls the upstream room), the progress reader over it and their registration. */
@Module({
  imports: [UpstreamModule],
  providers: [
    RainbondAdapter,
    RainbondProgressReader,
    {
      provide: RAINBOND_REGISTRATIONS,
      useFactory: rainbondRegistrations,
      inject: [RainbondAdapter, RainbondProgressReader],
    },
  ],
  exports: [RAINBOND_REGISTRATIONS],
})
export class RainbondModule {}

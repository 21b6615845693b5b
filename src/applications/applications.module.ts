import { Module } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { RAINBOND_PROVIDER } from '../rainbond/rainbond.module';
import { WORKSPACE_PROVIDER } from '../workspace/workspace.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import type { ProviderPackage, ProviderRegistration } from './provider-registration';
import { ProviderRegistry } from './provider-registry';
import { ApplicationReadsController } from './reads/application-reads.controller';
import { ApplicationReadsService } from './reads/application-reads.service';
import { ListCursors } from './reads/list-cursor';
import { ReadCache } from './reads/read-cache';
import { READ_CURSORS } from './reads/reads.di-tokens';

/** One entry per provider folder: adding a provider is one line here. */
const PROVIDER_PACKAGES: readonly ProviderPackage[] = [RAINBOND_PROVIDER, WORKSPACE_PROVIDER];

/** The public applications API (writes and BFF reads) over the registered providers. */
@Module({
  imports: PROVIDER_PACKAGES.map((entry) => entry.module),
  controllers: [ApplicationsController, ApplicationReadsController],
  providers: [
    ApplicationsService,
    ApplicationReadsService,
    {
      provide: ReadCache,
      useFactory: (config: GatewayConfig) => new ReadCache(config.reads.cacheTtlSeconds * 1000),
      inject: [GATEWAY_CONFIG],
    },
    {
      provide: READ_CURSORS,
      useFactory: (config: GatewayConfig) => new ListCursors(config.reads.cursorSecret),
      inject: [GATEWAY_CONFIG],
    },
    {
      provide: ProviderRegistry,
      useFactory: (...registrations: ProviderRegistration[][]) =>
        new ProviderRegistry(registrations.flat()),
      inject: PROVIDER_PACKAGES.map((entry) => entry.registrations),
    },
  ],
  exports: [ProviderRegistry],
})
export class ApplicationsModule {}

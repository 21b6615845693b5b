import { Module, type DynamicModule } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import type { ProviderRegistration } from './provider-registration';
import { ProviderRegistry } from './application-provider.port';
import { ApplicationReadsController } from './reads/application-reads.controller';
import { ApplicationReadsService } from './reads/application-reads.service';
import { ListCursors } from './reads/list-cursor';
import { ReadCache } from './reads/read-cache';
import { READ_CURSORS } from './reads/reads.di-tokens';
import { REGISTERED_PROVIDERS } from './registered-providers';

/**
 * Each provider's Nest module, loaded only now so that its definition needs no import of it. Nest
 * awaits a promised import and registers the class it resolves to under the token a direct import
 * gives (so a module that imports it directly shares the instance); its type spells only a promised
 * dynamic module.
 */
const PROVIDER_MODULES = REGISTERED_PROVIDERS.map(
  (entry) => entry.module() as unknown as Promise<DynamicModule>,
);

/** The public applications API (writes and BFF reads) over the registered providers. */
@Module({
  imports: PROVIDER_MODULES,
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
      inject: REGISTERED_PROVIDERS.map((entry) => entry.registrations),
    },
  ],
  exports: [ProviderRegistry],
})
export class ApplicationsModule {}

import { Module } from '@nestjs/common';
import { RainbondAdapter } from '../rainbond/rainbond.adapter';
import { RainbondModule } from '../rainbond/rainbond.module';
import { TeamsModule } from '../teams/teams.module';
import { AppCenterAdapter } from '../workspace/app-center.adapter';
import { AppWarehouseAdapter } from '../workspace/app-warehouse.adapter';
import { WorkspaceModule } from '../workspace/workspace.module';
import type { ApplicationProvider } from './application-provider.port';
import { ApplicationsController } from './applications.controller';
import { APPLICATION_PROVIDERS } from './applications.di-tokens';
import { ApplicationsService } from './applications.service';
import { ApplicationReadsController } from './reads/application-reads.controller';
import { ApplicationReadsService } from './reads/application-reads.service';
import { ListCursors } from './reads/list-cursor';
import { ReadCache } from './reads/read-cache';
import { READ_CURSORS } from './reads/reads.di-tokens';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';

/** The public applications API (writes and BFF reads); the only place that binds the provider port. */
@Module({
  imports: [TeamsModule, RainbondModule, WorkspaceModule],
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
      provide: APPLICATION_PROVIDERS,
      useFactory: (...adapters: ApplicationProvider[]) => adapters,
      inject: [RainbondAdapter, AppCenterAdapter, AppWarehouseAdapter],
    },
  ],
  exports: [APPLICATION_PROVIDERS],
})
export class ApplicationsModule {}

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

/** The public applications API; the only place that binds the provider port to its adapters. */
@Module({
  imports: [TeamsModule, RainbondModule, WorkspaceModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsService,
    {
      provide: APPLICATION_PROVIDERS,
      useFactory: (...adapters: ApplicationProvider[]) => adapters,
      inject: [RainbondAdapter, AppCenterAdapter, AppWarehouseAdapter],
    },
  ],
})
export class ApplicationsModule {}

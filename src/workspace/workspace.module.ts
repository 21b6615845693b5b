import { Module } from '@nestjs/common';
import type {
  AppProgressReader,
  ApplicationReader,
} from '../applications/application-provider.port';
import type { ApplicationRef } from '../applications/application-id';
import type { ProviderRegistration } from '../applications/provider-registration';
import { publishRoute } from '../applications/provider-registration';
import { UpstreamModule } from '../upstream/upstream.module';
import { AppCenterAdapter } from './app-center.adapter';
import { AppWarehouseAdapter } from './app-warehouse.adapter';
import { PublishAppCenterRequest } from './publish-app-center.dto';
import { PublishAppWarehouseRequest } from './publish-app-warehouse.dto';
import { WORKSPACE_REGISTRATIONS } from './workspace.provider';
import { fromWorkspaceApplication } from './workspace-progress.mapper';

/** A catalog app's progress is its publish state, read as the application itself. */
function progressOf<A extends ApplicationRef>(reader: ApplicationReader<A>): AppProgressReader<A> {
  return {
    progress: async (team, app) =>
      fromWorkspaceApplication(app, await reader.get(team, app), new Date().toISOString()),
  };
}

/** Both catalogs publish, list their categories and report publish progress; neither has app operations. */
function workspaceRegistrations(
  appCenter: AppCenterAdapter,
  appWarehouse: AppWarehouseAdapter,
): ProviderRegistration[] {
  const appCenterProvider: ProviderRegistration<'app-center'> = {
    provider: 'app-center',
    ids: 'App Center applications (app-center:{id})',
    reader: appCenter,
    progress: progressOf(appCenter),
    publish: publishRoute(PublishAppCenterRequest, appCenter),
    catalog: appCenter,
  };
  const appWarehouseProvider: ProviderRegistration<'app-warehouse'> = {
    provider: 'app-warehouse',
    ids: 'App Warehouse applications (app-warehouse:{id})',
    reader: appWarehouse,
    progress: progressOf(appWarehouse),
    publish: publishRoute(PublishAppWarehouseRequest, appWarehouse),
    catalog: appWarehouse,
  };
  return [appCenterProvider, appWarehouseProvider];
}

/** Huawei Cloud Workspace (App Center) and WorkspaceApp (App Warehouse) providers. */
@Module({
  imports: [UpstreamModule],
  providers: [
    AppCenterAdapter,
    AppWarehouseAdapter,
    {
      provide: WORKSPACE_REGISTRATIONS,
      useFactory: workspaceRegistrations,
      inject: [AppCenterAdapter, AppWarehouseAdapter],
    },
  ],
  exports: [WORKSPACE_REGISTRATIONS],
})
export class WorkspaceModule {}

import { UpstreamModule } from '../upstream/upstream.module';
import { Module } from '@nestjs/common';
import { IamModule } from '../upstream/auth/iam.module';
import { AppCenterAdapter } from './app-center.adapter';
import { AppCenterClient } from './app-center.client';
import { AppWarehouseAdapter } from './app-warehouse.adapter';
import { AppWarehouseClient } from './app-warehouse.client';
import { WorkspaceClient } from './workspace.client';

/** Huawei Cloud Workspace (App Center) and WorkspaceApp (App Warehouse) providers. */
@Module({
  imports: [UpstreamModule, IamModule],
  providers: [
    WorkspaceClient,
    AppCenterClient,
    AppWarehouseClient,
    AppCenterAdapter,
    AppWarehouseAdapter,
  ],
  exports: [AppCenterAdapter, AppWarehouseAdapter],
})
export class WorkspaceModule {}

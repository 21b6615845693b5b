import { UpstreamModule } from '../upstream/upstream.module';
import { Module } from '@nestjs/common';
import { AppCenterAdapter } from './app-center.adapter';
import { AppCenterClient } from './app-center.client';
import { AppWarehouseAdapter } from './app-warehouse.adapter';
import { AppWarehouseClient } from './app-warehouse.client';

/** Huawei Cloud Workspace (App Center) and WorkspaceApp (App Warehouse) providers. */
@Module({
  imports: [UpstreamModule],
  providers: [AppCenterClient, AppWarehouseClient, AppCenterAdapter, AppWarehouseAdapter],
  exports: [AppCenterAdapter, AppWarehouseAdapter],
})
export class WorkspaceModule {}

import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { encodePath, upstreamUrl } from '../upstream/http/upstream-http';
import type { TeamContext } from '../teams/team-context';
import {
  createWarehouseAppResponseSchema,
  warehouseAppListSchema,
  type WarehouseAppList,
  type CreateWarehouseAppRequest,
  type CreateWarehouseAppResponse,
} from './app-warehouse.wire';
import { pageQuery, requireWorkspace, type WorkspacePage } from './workspace-account';
import { WorkspaceClient } from './workspace.client';

/** WorkspaceApp App Warehouse: knows its URL and timeout; auth and errors are WorkspaceClient's. */
@Injectable()
export class AppWarehouseClient {
  constructor(
    private readonly workspace: WorkspaceClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** CreateWarehouseApp: `POST /v1/{project_id}/app-warehouse/apps`. */
  createApp(
    team: TeamContext,
    body: CreateWarehouseAppRequest,
  ): Promise<CreateWarehouseAppResponse> {
    const account = requireWorkspace(team);
    return this.workspace.post(account, {
      provider: 'app-warehouse',
      operation: 'publish',
      url: upstreamUrl(
        account.endpoints.appWarehouse,
        encodePath`/v1/${account.projectId}/app-warehouse/apps`,
      ),
      body,
      timeoutMs: this.config.upstreams.appWarehouse.timeoutMs,
      schema: createWarehouseAppResponseSchema,
    });
  }

  /** ListWarehouseApps: `GET /v1/{project_id}/app-warehouse/apps` (offset, limit, app_id, app_name). */
  listApps(
    team: TeamContext,
    page: WorkspacePage & { appId?: string; name?: string },
  ): Promise<WarehouseAppList> {
    const account = requireWorkspace(team);
    return this.workspace.get(account, {
      provider: 'app-warehouse',
      operation: 'list-apps',
      url: upstreamUrl(
        account.endpoints.appWarehouse,
        encodePath`/v1/${account.projectId}/app-warehouse/apps`,
      ),
      query: pageQuery(page, { app_id: page.appId, app_name: page.name }),
      timeoutMs: this.config.upstreams.appWarehouse.timeoutMs,
      schema: warehouseAppListSchema,
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { TeamContext } from '../teams/team-context';
import { encodePath } from '../upstream/http/upstream-http';
import { UpstreamPipeline } from '../upstream/upstream-pipeline';
import {
  createWarehouseAppResponseSchema,
  warehouseAppListSchema,
  type WarehouseAppList,
  type CreateWarehouseAppRequest,
  type CreateWarehouseAppResponse,
} from './app-warehouse.wire';
import { JSON_BODY, pageQuery, requireWorkspace, type WorkspacePage } from './workspace-account';

/** WorkspaceApp App Warehouse: knows its paths; endpoint, auth, timeout and errors are the upstream room's. */
@Injectable()
export class AppWarehouseClient {
  constructor(private readonly upstream: UpstreamPipeline) {}

  /** CreateWarehouseApp: `POST /v1/{project_id}/app-warehouse/apps`. */
  async createApp(
    team: TeamContext,
    body: CreateWarehouseAppRequest,
  ): Promise<CreateWarehouseAppResponse> {
    const { projectId } = requireWorkspace(team);
    const response = await this.upstream.call('app-warehouse', team.key, {
      operation: 'publish',
      method: 'POST',
      path: encodePath`/v1/${projectId}/app-warehouse/apps`,
      headers: JSON_BODY,
      body,
      schema: createWarehouseAppResponseSchema,
    });
    return response.data;
  }

  /** ListWarehouseApps: `GET /v1/{project_id}/app-warehouse/apps` (offset, limit, app_id, app_name). */
  async listApps(
    team: TeamContext,
    page: WorkspacePage & { appId?: string; name?: string },
  ): Promise<WarehouseAppList> {
    const { projectId } = requireWorkspace(team);
    const response = await this.upstream.call('app-warehouse', team.key, {
      operation: 'list-apps',
      method: 'GET',
      path: encodePath`/v1/${projectId}/app-warehouse/apps`,
      query: pageQuery(page, { app_id: page.appId, app_name: page.name }),
      schema: warehouseAppListSchema,
    });
    return response.data;
  }
}

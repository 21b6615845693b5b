import { Injectable } from '@nestjs/common';
import { formatApplicationId } from '../applications/application-id';
import type { WorkspaceAppRef } from './workspace.provider';
import type {
  ApplicationPublisher,
  ApplicationReader,
  ApplicationSource,
  CatalogReader,
} from '../applications/application-provider.port';
import type { PublishAppWarehouseRequest } from './publish-app-warehouse.dto';
import type { Application } from '../applications/models/application.model';
import type { Catalog } from '../applications/models/catalog.model';
import { WAREHOUSE_CATEGORIES } from '../applications/models/workspace-enums';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { encodePath } from '../upstream/http/upstream-http';
import { UpstreamPipeline } from '../upstream/upstream-pipeline';
import {
  fromCreateWarehouseAppResponse,
  toCreateWarehouseAppRequest,
} from './app-warehouse.mapper';
import {
  createWarehouseAppResponseSchema,
  warehouseAppListSchema,
  type WarehouseAppList,
  type CreateWarehouseAppRequest,
  type CreateWarehouseAppResponse,
} from './app-warehouse.wire';
import {
  callInProject,
  JSON_BODY,
  pageQuery,
  requireWorkspace,
  type WorkspacePage,
} from './workspace-account';

/**
 * The WorkspaceApp App Warehouse: publish, reads and its fixed categories. The only place that
 * knows its paths; the upstream pipeline adds the team's endpoint, auth, timeout and error reading.
 */
@Injectable()
export class AppWarehouseAdapter
  implements
    ApplicationPublisher<PublishAppWarehouseRequest>,
    ApplicationReader<WorkspaceAppRef>,
    CatalogReader
{
  readonly provider = 'app-warehouse' as const;

  constructor(private readonly upstream: UpstreamPipeline) {}

  async publish(team: TeamContext, request: PublishAppWarehouseRequest): Promise<Application> {
    requireWorkspace(team);
    const response = await this.createApp(team, toCreateWarehouseAppRequest(request));
    return fromCreateWarehouseAppResponse(team.key, response);
  }

  sources(team: TeamContext): ApplicationSource[] {
    if (!team.workspace) return [];
    return [
      {
        name: 'app-warehouse',
        provider: 'app-warehouse',
        page: async (offset, limit, nameContains) => {
          const list = await this.listApps(team, { offset, limit, name: nameContains });
          return {
            items: list.items.map((item) => fromCreateWarehouseAppResponse(team.key, item)),
            total: list.count,
          };
        },
      },
    ];
  }

  /** The warehouse list filters by `app_id`. */
  async get(team: TeamContext, app: WorkspaceAppRef): Promise<Application> {
    const appId = String(app.appId);
    const list = await this.listApps(team, { offset: 0, limit: 1, appId });
    const found = list.items.find((item) => item.app_id === appId);
    if (!found) throw ProblemError.applicationNotFound(formatApplicationId(app));
    return fromCreateWarehouseAppResponse(team.key, found);
  }

  /** The categories are a fixed enum of the API: no upstream call. */
  catalogs(): Promise<Catalog[]> {
    return Promise.resolve(
      WAREHOUSE_CATEGORIES.map((category) => ({
        provider: 'app-warehouse' as const,
        id: category,
      })),
    );
  }

  /** CreateWarehouseApp: `POST /v1/{project_id}/app-warehouse/apps`. */
  private createApp(
    team: TeamContext,
    body: CreateWarehouseAppRequest,
  ): Promise<CreateWarehouseAppResponse> {
    return callInProject(this.upstream, 'app-warehouse', team, (projectId) => ({
      operation: 'publish',
      method: 'POST',
      path: encodePath`/v1/${projectId}/app-warehouse/apps`,
      headers: JSON_BODY,
      body,
      schema: createWarehouseAppResponseSchema,
    }));
  }

  /** ListWarehouseApps: `GET /v1/{project_id}/app-warehouse/apps` (offset, limit, app_id, app_name). */
  private listApps(
    team: TeamContext,
    page: WorkspacePage & { appId?: string; name?: string },
  ): Promise<WarehouseAppList> {
    return callInProject(this.upstream, 'app-warehouse', team, (projectId) => ({
      operation: 'list-apps',
      method: 'GET',
      path: encodePath`/v1/${projectId}/app-warehouse/apps`,
      query: pageQuery(page, { app_id: page.appId, app_name: page.name }),
      schema: warehouseAppListSchema,
    }));
  }
}

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
import { configuredAccount } from '../applications/provider-registration';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { AppWarehouseClient } from './app-warehouse.client';
import {
  fromCreateWarehouseAppResponse,
  toCreateWarehouseAppRequest,
} from './app-warehouse.mapper';

/** The WorkspaceApp App Warehouse: publish, reads and its fixed categories. */
@Injectable()
export class AppWarehouseAdapter
  implements
    ApplicationPublisher<PublishAppWarehouseRequest>,
    ApplicationReader<WorkspaceAppRef>,
    CatalogReader
{
  readonly provider = 'app-warehouse' as const;

  constructor(private readonly client: AppWarehouseClient) {}

  async publish(team: TeamContext, request: PublishAppWarehouseRequest): Promise<Application> {
    configuredAccount(team, team.workspace, 'Workspace');
    const response = await this.client.createApp(team, toCreateWarehouseAppRequest(request));
    return fromCreateWarehouseAppResponse(team.key, response);
  }

  sources(team: TeamContext): ApplicationSource[] {
    if (!team.workspace) return [];
    return [
      {
        name: 'app-warehouse',
        provider: 'app-warehouse',
        page: async (offset, limit, nameContains) => {
          const list = await this.client.listApps(team, { offset, limit, name: nameContains });
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
    const list = await this.client.listApps(team, { offset: 0, limit: 1, appId });
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
}

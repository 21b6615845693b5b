import { Injectable } from '@nestjs/common';
import { formatApplicationId, type ApplicationRef } from '../applications/application-id';
import type {
  ApplicationProvider,
  ApplicationSource,
  PublishApplicationRequest,
} from '../applications/application-provider.port';
import type { PublishAppWarehouseRequest } from '../applications/dto/publish-app-warehouse.dto';
import type { Application } from '../applications/models/application.model';
import type { Catalog } from '../applications/models/catalog.model';
import { WAREHOUSE_CATEGORIES } from '../applications/models/workspace-enums';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { AppWarehouseClient } from './app-warehouse.client';
import {
  fromCreateWarehouseAppResponse,
  toCreateWarehouseAppRequest,
} from './app-warehouse.mapper';
import { requireWorkspace } from './workspace-account';

/** ApplicationProvider for the WorkspaceApp App Warehouse. */
@Injectable()
export class AppWarehouseAdapter implements ApplicationProvider {
  readonly provider = 'app-warehouse' as const;

  constructor(private readonly client: AppWarehouseClient) {}

  async publish(team: TeamContext, request: PublishApplicationRequest): Promise<Application> {
    requireWorkspace(team);
    const response = await this.client.createApp(
      team,
      toCreateWarehouseAppRequest(asAppWarehouseRequest(request)),
    );
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
  async get(team: TeamContext, app: ApplicationRef): Promise<Application> {
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

function asAppWarehouseRequest(request: PublishApplicationRequest): PublishAppWarehouseRequest {
  if (request.provider !== 'app-warehouse') {
    throw ProblemError.invalidField('provider', 'must be app-warehouse');
  }
  return request;
}

import { Injectable } from '@nestjs/common';
import type {
  ApplicationProvider,
  PublishApplicationRequest,
} from '../applications/application-provider.port';
import type { PublishAppWarehouseRequest } from '../applications/dto/publish-app-warehouse.dto';
import type { Application } from '../applications/models/application.model';
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
    return fromCreateWarehouseAppResponse(response);
  }
}

function asAppWarehouseRequest(request: PublishApplicationRequest): PublishAppWarehouseRequest {
  if (request.provider !== 'app-warehouse') {
    throw ProblemError.invalidField('provider', 'must be app-warehouse');
  }
  return request;
}

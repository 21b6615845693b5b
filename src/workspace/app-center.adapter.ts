import { Injectable } from '@nestjs/common';
import type {
  ApplicationProvider,
  PublishApplicationRequest,
} from '../applications/application-provider.port';
import type { PublishAppCenterRequest } from '../applications/dto/publish-app-center.dto';
import type { Application } from '../applications/models/application.model';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { AppCenterClient } from './app-center.client';
import {
  appCenterBucketName,
  fromUploadAppResponse,
  toUploadAppRequest,
} from './app-center.mapper';
import { requireWorkspace } from './workspace-account';

/** ApplicationProvider for the Workspace App Center. */
@Injectable()
export class AppCenterAdapter implements ApplicationProvider {
  readonly provider = 'app-center' as const;

  constructor(private readonly client: AppCenterClient) {}

  async publish(team: TeamContext, request: PublishApplicationRequest): Promise<Application> {
    const { projectId } = requireWorkspace(team);
    const appCenterRequest = asAppCenterRequest(request);
    checkBucketName(appCenterRequest, projectId);
    const response = await this.client.uploadApp(
      team,
      toUploadAppRequest(appCenterRequest, projectId),
    );
    return fromUploadAppResponse(response);
  }
}

function asAppCenterRequest(request: PublishApplicationRequest): PublishAppCenterRequest {
  if (request.provider !== 'app-center') {
    throw ProblemError.invalidField('provider', 'must be app-center');
  }
  return request;
}

/** App Center only reads from the project's own bucket; say so before spending any upstream call. */
function checkBucketName(request: PublishAppCenterRequest, projectId: string): void {
  const given = request.fileStore.bucket?.name;
  const expected = appCenterBucketName(projectId);
  if (given !== undefined && given !== expected) {
    throw ProblemError.invalidField(
      'fileStore.bucket.name',
      `must be wks-appcenter-<projectId> of this team (${expected}), or omitted`,
    );
  }
}

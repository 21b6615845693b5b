import { Injectable } from '@nestjs/common';
import { formatApplicationId } from '../applications/application-id';
import type { WorkspaceAppRef } from './workspace.provider';
import type {
  ApplicationPublisher,
  ApplicationReader,
  ApplicationSource,
  CatalogReader,
} from '../applications/application-provider.port';
import type { PublishAppCenterRequest } from './publish-app-center.dto';
import type { Application } from '../applications/models/application.model';
import type { Catalog } from '../applications/models/catalog.model';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { encodePath } from '../upstream/http/upstream-http';
import { UpstreamPipeline } from '../upstream/upstream-pipeline';
import {
  appCenterBucketName,
  fromUploadAppResponse,
  toUploadAppRequest,
} from './app-center.mapper';
import {
  appCatalogListSchema,
  appCenterListSchema,
  uploadAppResponseSchema,
  type AppCatalogList,
  type AppCenterList,
  type UploadAppRequest,
  type UploadAppResponse,
} from './app-center.wire';
import {
  callInProject,
  JSON_BODY,
  pageQuery,
  requireWorkspace,
  type WorkspacePage,
} from './workspace-account';

/**
 * The Workspace App Center: publish, reads and catalogs. The only place that knows its paths; the
 * upstream pipeline adds the team's endpoint, auth, timeout and error reading.
 */
@Injectable()
export class AppCenterAdapter
  implements
    ApplicationPublisher<PublishAppCenterRequest>,
    ApplicationReader<WorkspaceAppRef>,
    CatalogReader
{
  readonly provider = 'app-center' as const;

  constructor(private readonly upstream: UpstreamPipeline) {}

  async publish(team: TeamContext, request: PublishAppCenterRequest): Promise<Application> {
    const { projectId } = requireWorkspace(team);
    checkBucketName(request, projectId);
    const response = await this.uploadApp(team, toUploadAppRequest(request, projectId));
    return fromUploadAppResponse(team.key, response);
  }

  sources(team: TeamContext): ApplicationSource[] {
    if (!team.workspace) return [];
    return [
      {
        name: 'app-center',
        provider: 'app-center',
        page: async (offset, limit, nameContains) => {
          const list = await this.listApps(team, { offset, limit, name: nameContains });
          return {
            items: list.items.map((item) => fromUploadAppResponse(team.key, item)),
            total: list.count,
          };
        },
      },
    ];
  }

  /** The App Center has no get-one: the list is read a page at a time until the id turns up. */
  async get(team: TeamContext, app: WorkspaceAppRef): Promise<Application> {
    for (let offset = 0; ; offset += MAX_PAGE) {
      const list = await this.listApps(team, { offset, limit: MAX_PAGE });
      const found = list.items.find((item) => item.id === String(app.appId));
      if (found) return fromUploadAppResponse(team.key, found);
      if (list.items.length === 0 || offset + MAX_PAGE >= list.count) {
        throw ProblemError.applicationNotFound(formatApplicationId(app));
      }
    }
  }

  async catalogs(team: TeamContext): Promise<Catalog[]> {
    const list = await this.listCatalogs(team);
    return list.items.map((item) => ({
      provider: 'app-center',
      id: String(item.id),
      name: item.catalog_en ?? undefined,
      nameZh: item.catalog_zh ?? undefined,
    }));
  }

  /** UploadApp: `POST /v1/{project_id}/app-center/apps`. */
  private uploadApp(team: TeamContext, body: UploadAppRequest): Promise<UploadAppResponse> {
    return callInProject(this.upstream, 'app-center', team, (projectId) => ({
      operation: 'publish',
      method: 'POST',
      path: encodePath`/v1/${projectId}/app-center/apps`,
      headers: JSON_BODY,
      body,
      schema: uploadAppResponseSchema,
    }));
  }

  /** ListApps: `GET /v1/{project_id}/app-center/apps` (offset, limit 1–100, name contains). */
  private listApps(
    team: TeamContext,
    page: WorkspacePage & { name?: string },
  ): Promise<AppCenterList> {
    return callInProject(this.upstream, 'app-center', team, (projectId) => ({
      operation: 'list-apps',
      method: 'GET',
      path: encodePath`/v1/${projectId}/app-center/apps`,
      query: pageQuery(page, { name: page.name }),
      schema: appCenterListSchema,
    }));
  }

  /** ListAppCatalogs: `GET /v1/{project_id}/app-center/app-catalogs`. */
  private listCatalogs(team: TeamContext): Promise<AppCatalogList> {
    return callInProject(this.upstream, 'app-center', team, (projectId) => ({
      operation: 'list-catalogs',
      method: 'GET',
      path: encodePath`/v1/${projectId}/app-center/app-catalogs`,
      schema: appCatalogListSchema,
    }));
  }
}

/** ListApps accepts `limit` up to 100. */
const MAX_PAGE = 100;

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

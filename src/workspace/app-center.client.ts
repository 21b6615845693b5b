import { Injectable } from '@nestjs/common';
import type { TeamContext } from '../teams/team-context';
import { encodePath } from '../upstream/http/upstream-http';
import { UpstreamPipeline } from '../upstream/upstream-pipeline';
import {
  appCatalogListSchema,
  appCenterListSchema,
  uploadAppResponseSchema,
  type AppCatalogList,
  type AppCenterList,
  type UploadAppRequest,
  type UploadAppResponse,
} from './app-center.wire';
import { JSON_BODY, pageQuery, requireWorkspace, type WorkspacePage } from './workspace-account';

/** Workspace App Center: knows its paths; endpoint, auth, timeout and errors are the upstream room's. */
@Injectable()
export class AppCenterClient {
  constructor(private readonly upstream: UpstreamPipeline) {}

  /** UploadApp: `POST /v1/{project_id}/app-center/apps`. */
  async uploadApp(team: TeamContext, body: UploadAppRequest): Promise<UploadAppResponse> {
    const { projectId } = requireWorkspace(team);
    const response = await this.upstream.call('app-center', team.key, {
      operation: 'publish',
      method: 'POST',
      path: encodePath`/v1/${projectId}/app-center/apps`,
      headers: JSON_BODY,
      body,
      schema: uploadAppResponseSchema,
    });
    return response.data;
  }

  /** ListApps: `GET /v1/{project_id}/app-center/apps` (offset, limit 1–100, name contains). */
  async listApps(
    team: TeamContext,
    page: WorkspacePage & { name?: string },
  ): Promise<AppCenterList> {
    const { projectId } = requireWorkspace(team);
    const response = await this.upstream.call('app-center', team.key, {
      operation: 'list-apps',
      method: 'GET',
      path: encodePath`/v1/${projectId}/app-center/apps`,
      query: pageQuery(page, { name: page.name }),
      schema: appCenterListSchema,
    });
    return response.data;
  }

  /** ListAppCatalogs: `GET /v1/{project_id}/app-center/app-catalogs`. */
  async listCatalogs(team: TeamContext): Promise<AppCatalogList> {
    const { projectId } = requireWorkspace(team);
    const response = await this.upstream.call('app-center', team.key, {
      operation: 'list-catalogs',
      method: 'GET',
      path: encodePath`/v1/${projectId}/app-center/app-catalogs`,
      schema: appCatalogListSchema,
    });
    return response.data;
  }
}

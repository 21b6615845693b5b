import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { encodePath, upstreamUrl } from '../upstream/http/upstream-http';
import type { TeamContext } from '../teams/team-context';
import {
  appCatalogListSchema,
  appCenterListSchema,
  uploadAppResponseSchema,
  type AppCatalogList,
  type AppCenterList,
  type UploadAppRequest,
  type UploadAppResponse,
} from './app-center.wire';
import { pageQuery, requireWorkspace, type WorkspacePage } from './workspace-account';
import { WorkspaceClient } from './workspace.client';

/** Workspace App Center: knows its URL and timeout; auth and errors are WorkspaceClient's. */
@Injectable()
export class AppCenterClient {
  constructor(
    private readonly workspace: WorkspaceClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** UploadApp: `POST /v1/{project_id}/app-center/apps`. */
  uploadApp(team: TeamContext, body: UploadAppRequest): Promise<UploadAppResponse> {
    const account = requireWorkspace(team);
    return this.workspace.post(account, {
      provider: 'app-center',
      operation: 'publish',
      url: upstreamUrl(
        account.endpoints.appCenter,
        encodePath`/v1/${account.projectId}/app-center/apps`,
      ),
      body,
      timeoutMs: this.config.upstreams.appCenter.timeoutMs,
      schema: uploadAppResponseSchema,
    });
  }

  /** ListApps: `GET /v1/{project_id}/app-center/apps` (offset, limit 1–100, name contains). */
  listApps(team: TeamContext, page: WorkspacePage & { name?: string }): Promise<AppCenterList> {
    const account = requireWorkspace(team);
    return this.workspace.get(account, {
      provider: 'app-center',
      operation: 'list-apps',
      url: upstreamUrl(
        account.endpoints.appCenter,
        encodePath`/v1/${account.projectId}/app-center/apps`,
      ),
      query: pageQuery(page, { name: page.name }),
      timeoutMs: this.config.upstreams.appCenter.timeoutMs,
      schema: appCenterListSchema,
    });
  }

  /** ListAppCatalogs: `GET /v1/{project_id}/app-center/app-catalogs`. */
  listCatalogs(team: TeamContext): Promise<AppCatalogList> {
    const account = requireWorkspace(team);
    return this.workspace.get(account, {
      provider: 'app-center',
      operation: 'list-catalogs',
      url: upstreamUrl(
        account.endpoints.appCenter,
        encodePath`/v1/${account.projectId}/app-center/app-catalogs`,
      ),
      timeoutMs: this.config.upstreams.appCenter.timeoutMs,
      schema: appCatalogListSchema,
    });
  }
}

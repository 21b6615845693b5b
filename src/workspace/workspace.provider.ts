import type { Type } from '@nestjs/common';
import type { IdGrammar, ProviderDefinition } from '../applications/provider-definition';
import { PublishAppCenterRequest } from './publish-app-center.dto';
import { PublishAppWarehouseRequest } from './publish-app-warehouse.dto';
import type { UpstreamTarget } from '../upstream/auth/auth-strategies';
import type { AuthStrategies } from '../upstream/auth/upstream-accounts';
import {
  workspaceAccountOf,
  workspaceTeamSchema,
  type WorkspaceTeamConfig,
} from './workspace-account.schema';
import { AppCenterDetails, AppWarehouseDetails } from './workspace-details.model';
import { parseWorkspaceError } from './workspace.wire';

export interface AppCenterAppRef {
  provider: 'app-center';
  appId: string;
}
export interface AppWarehouseAppRef {
  provider: 'app-warehouse';
  appId: string;
}
export type WorkspaceAppRef = AppCenterAppRef | AppWarehouseAppRef;

const APP_CENTER_ID = /^app-center:([A-Za-z0-9_-]{1,64})$/;
const APP_WAREHOUSE_ID = /^app-warehouse:([0-9]{1,32})$/;

const appCenterIds: IdGrammar<AppCenterAppRef> = {
  provider: 'app-center',
  shape: 'app-center:{id}',
  parts: '1-64 letters, digits, `_` or `-`',
  parse(id) {
    const match = APP_CENTER_ID.exec(id);
    return match ? { provider: 'app-center', appId: match[1] } : undefined;
  },
  format: (ref) => `app-center:${ref.appId}`,
};

const appWarehouseIds: IdGrammar<AppWarehouseAppRef> = {
  provider: 'app-warehouse',
  shape: 'app-warehouse:{id}',
  parts: '1-32 digits',
  parse(id) {
    const match = APP_WAREHOUSE_ID.exec(id);
    return match ? { provider: 'app-warehouse', appId: match[1] } : undefined;
  },
  format: (ref) => `app-warehouse:${ref.appId}`,
};

/**
 * The project's endpoint with the team's IAM token in `X-Auth-Token` (fetched again once when
 * rejected), or an AK/SK signature over the final request, by the team's `workspace.auth.type`.
 */
function workspaceTarget(
  account: WorkspaceTeamConfig,
  baseUrl: string,
  auth: AuthStrategies,
): UpstreamTarget {
  const { auth: credentials, projectId } = account;
  return {
    baseUrl,
    account: projectId,
    auth:
      credentials.type === 'aksk'
        ? auth.aksk(projectId, credentials)
        : auth.iamToken({ ...account, auth: credentials }),
  };
}

/** The Nest module provides both catalogs' registrations under this token. */
export const WORKSPACE_REGISTRATIONS = Symbol('WORKSPACE_REGISTRATIONS');

/** Huawei Cloud Workspace (App Center) and WorkspaceApp (App Warehouse), as the shared code sees them. */
export const WORKSPACE = {
  ids: [appCenterIds, appWarehouseIds],
  account: {
    key: 'workspace',
    schema: workspaceTeamSchema,
    description: 'the team in Huawei Cloud Workspace: App Center and App Warehouse publishing',
    secrets: [
      'auth.password',
      'auth.via.password',
      'auth.accessKey',
      'auth.secretKey',
      'auth.securityToken',
    ],
    context: workspaceAccountOf,
    platform: 'Workspace',
    endpoints: ({ endpoints }: WorkspaceTeamConfig) => [
      ['app-center', endpoints.appCenter],
      ['app-warehouse', endpoints.appWarehouse],
      ['iam', endpoints.iam],
    ],
  },
  upstreams: [
    {
      name: 'app-center',
      settingsKey: 'appCenter',
      defaultTimeoutMs: 30_000,
      parseError: parseWorkspaceError,
      errorBodyOn200: true,
      target: (account: WorkspaceTeamConfig, auth) =>
        workspaceTarget(account, account.endpoints.appCenter, auth),
    },
    {
      name: 'app-warehouse',
      settingsKey: 'appWarehouse',
      defaultTimeoutMs: 30_000,
      parseError: parseWorkspaceError,
      errorBodyOn200: true,
      target: (account: WorkspaceTeamConfig, auth) =>
        workspaceTarget(account, account.endpoints.appWarehouse, auth),
    },
  ],
  details: { appCenter: AppCenterDetails, appWarehouse: AppWarehouseDetails },
  module: (): Promise<Type<unknown>> =>
    import('./workspace.module').then((loaded) => loaded.WorkspaceModule),
  registrations: WORKSPACE_REGISTRATIONS,
  publishRequests: [PublishAppCenterRequest, PublishAppWarehouseRequest],
} as const satisfies ProviderDefinition;

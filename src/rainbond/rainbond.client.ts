import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { RainbondAppRef } from './rainbond.provider';
import { configuredAccount } from '../applications/provider-registration';
import type { TeamContext } from '../teams/team-context';
import { encodePath } from '../upstream/http/upstream-http';
import { TeamUpstreamCaller } from '../upstream/team-upstream-caller';
import {
  appCopyCResSchema,
  appInfoSchema,
  appListSchema,
  componentListSchema,
  marketInstallSchema,
  serviceEventsSchema,
  upgradeResponseSchema,
  type AppBaseInfo,
  type AppCopyC,
  type AppCopyCRes,
  type AppInfo,
  type Install,
  type InstallQuery,
  type ListUpgrade,
  type MarketInstall,
  type ServiceBaseInfo,
  type ServiceEvents,
  type Upgrade,
} from './rainbond.wire';

type AppAction = 'install' | 'copy' | 'upgrade' | 'services';

/** Metric and log name of a call: the write's action, or what a GET reads. */
function operationName(method: 'GET' | 'POST', action: AppAction | undefined): string {
  if (method === 'POST') return action!;
  if (action === 'services') return 'list-components';
  return action === 'upgrade' ? 'upgrade-info' : 'get-app';
}

/**
 * The only place that knows Rainbond URLs. Calls act as the team (by its key): the upstream room
 * adds the team's token, its timeout and error reading.
 */
@Injectable()
export class RainbondClient {
  constructor(private readonly upstream: TeamUpstreamCaller) {}

  install(
    team: TeamContext,
    app: RainbondAppRef,
    body: Install,
    query?: InstallQuery,
  ): Promise<MarketInstall> {
    return this.post(team, app, 'install', body, marketInstallSchema, query);
  }

  /** The app, which Rainbond finds only within the team and region of the path (404 otherwise). */
  getApp(team: TeamContext, app: RainbondAppRef): Promise<AppInfo> {
    return this.send(team, app, 'GET', undefined, undefined, appInfoSchema);
  }

  /** Every app of the team in one region (unpaginated upstream), newest update first. */
  listApps(team: TeamContext, region: string, nameContains?: string): Promise<AppBaseInfo[]> {
    return this.call(team, {
      operation: 'list-apps',
      method: 'GET',
      path: encodePath`/openapi/v1/teams/${teamNameOf(team)}/regions/${region}/apps`,
      query: nameContains ? { query: nameContains } : undefined,
      schema: appListSchema,
    });
  }

  /** The components of an app. */
  listComponents(team: TeamContext, app: RainbondAppRef): Promise<ServiceBaseInfo[]> {
    return this.send(team, app, 'GET', 'services', undefined, componentListSchema);
  }

  /** The first page of one component's events (newest first): builds, starts, upgrades. */
  listComponentEvents(
    team: TeamContext,
    app: RainbondAppRef,
    serviceId: string,
    pageSize: number,
  ): Promise<ServiceEvents> {
    return this.call(team, {
      operation: 'list-component-events',
      method: 'GET',
      path: encodePath`/openapi/v1/teams/${teamNameOf(team)}/regions/${app.region}/apps/${app.appId}/services/${serviceId}/events`,
      query: { page: '1', page_size: String(pageSize) },
      schema: serviceEventsSchema,
    });
  }

  /** The app models installed in an app and the versions each can be upgraded to. */
  upgradeInfo(team: TeamContext, app: RainbondAppRef): Promise<ListUpgrade[]> {
    return this.send(team, app, 'GET', 'upgrade', undefined, upgradeResponseSchema);
  }

  copy(team: TeamContext, app: RainbondAppRef, body: AppCopyC): Promise<AppCopyCRes> {
    return this.post(team, app, 'copy', body, appCopyCResSchema);
  }

  upgrade(team: TeamContext, app: RainbondAppRef, body: Upgrade): Promise<ListUpgrade[]> {
    return this.post(team, app, 'upgrade', body, upgradeResponseSchema);
  }

  private post<T>(
    team: TeamContext,
    app: RainbondAppRef,
    operation: 'install' | 'copy' | 'upgrade',
    body: unknown,
    schema: z.ZodType<T>,
    query?: InstallQuery,
  ): Promise<T> {
    return this.send(team, app, 'POST', operation, body, schema, query);
  }

  /** A call on one app: `GET|POST …/apps/{app_id}[/{action}]`. */
  private send<T>(
    team: TeamContext,
    app: RainbondAppRef,
    method: 'GET' | 'POST',
    action: AppAction | undefined,
    body: unknown,
    schema: z.ZodType<T>,
    query?: InstallQuery,
  ): Promise<T> {
    const appPath = encodePath`/openapi/v1/teams/${teamNameOf(team)}/regions/${app.region}/apps/${app.appId}`;
    return this.call(team, {
      operation: operationName(method, action),
      method,
      path: action ? `${appPath}/${action}` : appPath,
      body,
      query: query ? { ...query } : undefined,
      schema,
    });
  }

  private async call<T>(
    team: TeamContext,
    call: {
      operation: string;
      method: 'GET' | 'POST';
      path: string;
      body?: unknown;
      query?: Record<string, string>;
      schema: z.ZodType<T>;
    },
  ): Promise<T> {
    const response = await this.upstream.call('rainbond', team.key, {
      ...call,
      headers: call.body === undefined ? undefined : { 'content-type': 'application/json' },
    });
    return response.data;
  }
}

function teamNameOf(team: TeamContext): string {
  return configuredAccount(team, team.rainbond, 'Rainbond').teamName;
}

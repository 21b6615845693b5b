import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { RainbondAppRef } from '../applications/application-id';
import { UpstreamPipeline } from '../upstream/upstream-pipeline';
import type { UpstreamProblem } from '../upstream/upstream.error';
import { encodePath, upstreamUrl, type UpstreamErrorParser } from '../upstream/http/upstream-http';
import { rainbondProblem } from './rainbond-error.mapper';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig, RainbondTeamConfig } from '../config/gateway-config.schema';
import {
  appCopyCResSchema,
  appInfoSchema,
  appListSchema,
  componentListSchema,
  marketInstallSchema,
  rainbondErrorSchema,
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

const MAX_MESSAGE_LENGTH = 300;
const MAX_FIELD_ERRORS = 10;

type AppAction = 'install' | 'copy' | 'upgrade' | 'services';

/** Metric and log name of a call: the write's action, or what a GET reads. */
function operationName(method: 'GET' | 'POST', action: AppAction | undefined): string {
  if (method === 'POST') return action!;
  if (action === 'services') return 'list-components';
  return action === 'upgrade' ? 'upgrade-info' : 'get-app';
}

/**
 * The only place that knows Rainbond URLs and headers. Calls act as the owner of the team's personal
 * access token, sent raw in `Authorization` (no scheme), as the console's OpenAPIAuthentication reads it.
 */
@Injectable()
export class RainbondClient {
  constructor(
    private readonly upstream: UpstreamPipeline,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  install(
    account: RainbondTeamConfig,
    app: RainbondAppRef,
    body: Install,
    query?: InstallQuery,
  ): Promise<MarketInstall> {
    return this.post(account, app, 'install', body, marketInstallSchema, query);
  }

  /** The app, which Rainbond finds only within the team and region of the path (404 otherwise). */
  getApp(account: RainbondTeamConfig, app: RainbondAppRef): Promise<AppInfo> {
    return this.send(account, app, 'GET', undefined, undefined, appInfoSchema);
  }

  /** Every app of the team in one region (unpaginated upstream), newest update first. */
  listApps(
    account: RainbondTeamConfig,
    region: string,
    nameContains?: string,
  ): Promise<AppBaseInfo[]> {
    return this.call(account, {
      operation: 'list-apps',
      method: 'GET',
      path: encodePath`/openapi/v1/teams/${account.teamName}/regions/${region}/apps`,
      query: nameContains ? { query: nameContains } : undefined,
      schema: appListSchema,
    });
  }

  /** The components of an app. */
  listComponents(account: RainbondTeamConfig, app: RainbondAppRef): Promise<ServiceBaseInfo[]> {
    return this.send(account, app, 'GET', 'services', undefined, componentListSchema);
  }

  /** The first page of one component's events (newest first): builds, starts, upgrades. */
  listComponentEvents(
    account: RainbondTeamConfig,
    app: RainbondAppRef,
    serviceId: string,
    pageSize: number,
  ): Promise<ServiceEvents> {
    return this.call(account, {
      operation: 'list-component-events',
      method: 'GET',
      path: encodePath`/openapi/v1/teams/${account.teamName}/regions/${app.region}/apps/${app.appId}/services/${serviceId}/events`,
      query: { page: '1', page_size: String(pageSize) },
      schema: serviceEventsSchema,
    });
  }

  /** The app models installed in an app and the versions each can be upgraded to. */
  upgradeInfo(account: RainbondTeamConfig, app: RainbondAppRef): Promise<ListUpgrade[]> {
    return this.send(account, app, 'GET', 'upgrade', undefined, upgradeResponseSchema);
  }

  copy(account: RainbondTeamConfig, app: RainbondAppRef, body: AppCopyC): Promise<AppCopyCRes> {
    return this.post(account, app, 'copy', body, appCopyCResSchema);
  }

  upgrade(account: RainbondTeamConfig, app: RainbondAppRef, body: Upgrade): Promise<ListUpgrade[]> {
    return this.post(account, app, 'upgrade', body, upgradeResponseSchema);
  }

  private post<T>(
    account: RainbondTeamConfig,
    app: RainbondAppRef,
    operation: 'install' | 'copy' | 'upgrade',
    body: unknown,
    schema: z.ZodType<T>,
    query?: InstallQuery,
  ): Promise<T> {
    return this.send(account, app, 'POST', operation, body, schema, query);
  }

  /** A call on one app: `GET|POST …/apps/{app_id}[/{action}]`. */
  private send<T>(
    account: RainbondTeamConfig,
    app: RainbondAppRef,
    method: 'GET' | 'POST',
    action: AppAction | undefined,
    body: unknown,
    schema: z.ZodType<T>,
    query?: InstallQuery,
  ): Promise<T> {
    const appPath = encodePath`/openapi/v1/teams/${account.teamName}/regions/${app.region}/apps/${app.appId}`;
    return this.call(account, {
      operation: operationName(method, action),
      method,
      path: action ? `${appPath}/${action}` : appPath,
      body,
      query: query ? { ...query } : undefined,
      schema,
    });
  }

  private async call<T>(
    account: RainbondTeamConfig,
    call: {
      operation: string;
      method: 'GET' | 'POST';
      path: string;
      body?: unknown;
      query?: Record<string, string>;
      schema: z.ZodType<T>;
    },
  ): Promise<T> {
    const response = await this.upstream.send({
      provider: 'rainbond',
      operation: call.operation,
      account: account.teamName,
      idempotent: call.method === 'GET',
      method: call.method,
      url: upstreamUrl(account.baseUrl, call.path),
      headers: {
        authorization: account.token,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      query: call.query,
      body: call.body,
      timeoutMs: this.config.upstreams.rainbond.timeoutMs,
      schema: call.schema,
      parseError: parseRainbondError,
    });
    return response.data;
  }
}

/**
 * Code and a short, safe message from any of Rainbond's error bodies: `msg`, else `detail`, plus the
 * field messages of a DRF validation `err`, and the catalogued problem of a known refusal.
 * `msg_show` and `error_trace` are never passed on: on a 500 they hold a Python traceback.
 */
export const parseRainbondError: UpstreamErrorParser = (body, status) => {
  const parsed = rainbondErrorSchema.safeParse(body);
  if (!parsed.success) return {};
  const { code, msg, detail, err } = parsed.data;
  const summary = [
    msg?.trim() || detail?.trim(),
    fieldErrors(err).slice(0, MAX_FIELD_ERRORS).join('; '),
  ]
    .filter(Boolean)
    .join(': ');
  return {
    code: code === undefined ? undefined : String(code),
    message: summary ? shorten(summary) : undefined,
    ...withProblem(rainbondProblem(status, parsed.data)),
  };
};

function withProblem(problem: UpstreamProblem | undefined): { problem?: UpstreamProblem } {
  return problem ? { problem } : {};
}

/** Flattens DRF's `{field: ["msg"]}` (nested for lists and objects) into `field: msg` lines. */
function fieldErrors(err: unknown, path = ''): string[] {
  if (typeof err === 'string') return [path ? `${path}: ${err}` : err];
  if (Array.isArray(err)) {
    return err.flatMap((item, i) =>
      fieldErrors(item, typeof item === 'string' ? path : joinPath(path, String(i))),
    );
  }
  if (err !== null && typeof err === 'object') {
    return Object.entries(err).flatMap(([key, value]) => fieldErrors(value, joinPath(path, key)));
  }
  return [];
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : flat;
}

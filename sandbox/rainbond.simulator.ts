import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  apiException,
  authenticationFailed,
  invalidIntegerId,
  RAINBOND_PROFILE,
  serviceError,
  urlNotMatched,
} from './rainbond-errors';
import {
  validateCopy,
  validateCreateApp,
  validateInstall,
  validateUpgrade,
} from './rainbond-serializers';
import type { Component } from './rainbond-components';
import type { LifecycleSettings } from './rainbond-lifecycle';
import { type Actor, type RainbondApp, RainbondState } from './rainbond-state';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';
import { bodyOf, createSimulatorServer, type SimulatorContext } from './simulator-server';

/**
 * Rainbond console OpenAPI v1 (seeds 000 install, 002 copy, 003 upgrade, plus app list/create/get),
 * enforcing what rainbond-console enforces (research/rainbond-openapi.md): the raw personal access
 * token in `Authorization`, team by tenant_id or tenant_name, region opened for the team, app in
 * that team and region, DRF serializers, and its error shapes. URLs have no trailing slash.
 */

export interface RainbondSimulatorContext extends SimulatorContext {
  /** Personal access token of each team's token user. */
  tokens: Record<SandboxTeamKey, string>;
  /** How deploys and upgrades move over time (default: done at once). */
  lifecycle?: LifecycleSettings;
}

const RAINBOND = SANDBOX_WORLD.rainbond;
const TEAM_KEYS = Object.keys(RAINBOND.teams) as SandboxTeamKey[];
const BASE = '/openapi/v1/teams/:team_id/regions/:region_name/apps';
/** Django's URL patterns: team and region `[\w\-]+`, app `[\d\-]+`. */
const WORD = /^[\w-]+$/;
const APP_ID = /^[\d-]+$/;

interface TeamParams {
  team_id: string;
  region_name: string;
}
interface AppParams extends TeamParams {
  app_id: string;
}
type Query = Record<string, string | string[] | undefined>;

/** The owner of an access token (its enterprise is the one enterprise of the world). */
type TokenUser = Actor & { memberOf: readonly SandboxTeamKey[] };

interface Scope {
  actor: TokenUser;
  team: SandboxTeamKey;
  region: string;
}

export function createRainbondSimulator(ctx: RainbondSimulatorContext): FastifyInstance {
  const app = createSimulatorServer(RAINBOND_PROFILE, ctx);
  const state = new RainbondState(ctx.lifecycle);

  /** What `TeamAPIView.initial` checks: URL pattern, token, team in the enterprise, region opened. */
  const teamScope = (request: FastifyRequest<{ Params: TeamParams }>): Scope => {
    const { team_id: teamId, region_name: region } = request.params;
    matchUrl(request.params);
    const actor = authenticate(request, ctx.tokens);
    const team = TEAM_KEYS.find(
      (key) => RAINBOND.teams[key].tenantId === teamId || RAINBOND.teams[key].tenantName === teamId,
    );
    if (!team) throw serviceError(404, 'no found team', '团队不存在');
    if (!(RAINBOND.regions as readonly string[]).includes(region)) {
      throw serviceError(404, 'the region is not found', '数据中心不存在', 3000);
    }
    if (!(RAINBOND.teams[team].regions as readonly string[]).includes(region)) {
      throw serviceError(
        409,
        'the team is not initialized in the region',
        '团队未开通该数据中心',
        2001,
      );
    }
    return { actor, team, region };
  };

  /** `TeamAppAPIView.initial`: additionally the app must be in that team and region. */
  const appScope = (
    request: FastifyRequest<{ Params: AppParams }>,
  ): Scope & { app: RainbondApp } => {
    const scope = teamScope(request);
    const found = state.appOf(scope.team, scope.region, appIdOf(request.params.app_id));
    if (!found) throw serviceError(404, 'no found app', '应用不存在');
    return { ...scope, app: found };
  };

  app.get<{ Params: TeamParams; Querystring: Query }>(BASE, (request) => {
    const { team, region } = teamScope(request);
    const query = lastValue(request.query.query)?.toLowerCase();
    return state.apps
      .filter((candidate) => candidate.team === team && candidate.region === region)
      .filter((candidate) => !query || candidate.name.toLowerCase().includes(query))
      .sort((a, b) => b.updateTime.localeCompare(a.updateTime))
      .map(appBaseInfo);
  });

  app.post<{ Params: TeamParams }>(BASE, (request, reply) => {
    const { actor, team, region } = teamScope(request);
    const created = state.createApp(team, region, validateCreateApp(jsonBody(request)), actor);
    return reply.code(201).send(appBaseInfo(created));
  });

  app.get<{ Params: AppParams }>(`${BASE}/:app_id`, (request) =>
    appInfo(appScope(request).app, state),
  );

  app.post<{ Params: AppParams; Querystring: Query }>(`${BASE}/:app_id/install`, (request) => {
    const { actor, app: target } = appScope(request);
    // The view reads only `is_deploy`; any non-empty value (even "false") requests a deploy.
    // `is_upload`, which the docs list, is ignored as it is by rainbond-console.
    const deploy = Boolean(lastValue(request.query.is_deploy));
    state.install(target, validateInstall(jsonBody(request)), actor, deploy);
    return {
      enterprise_id: RAINBOND.enterpriseId,
      team_id: RAINBOND.teams[target.team].tenantId,
      note: target.note,
      ID: target.id,
      region_name: target.region,
      service_list: state.componentsOf(target.id).map((component) => component.info),
    };
  });

  app.post<{ Params: AppParams }>(`${BASE}/:app_id/copy`, (request) => {
    // GroupAppsCopyView is a TeamAPIView: the source app is not looked up, only its components are.
    const { actor, team } = teamScope(request);
    const copy = validateCopy(jsonBody(request));
    const targetTeam = TEAM_KEYS.find(
      (key) =>
        RAINBOND.teams[key].tenantName === copy.target_team_name &&
        actor.memberOf.includes(key) &&
        (RAINBOND.teams[key].regions as readonly string[]).includes(copy.target_region_name),
    );
    if (!targetTeam) {
      throw serviceError(
        404,
        'no found team or team not join this region',
        '目标团队不存在，或团队为加入该数据中心',
      );
    }
    const targetApp = state.apps.find((candidate) => candidate.id === copy.target_app_id);
    if (!targetApp) throw serviceError(404, 'no found group app', '目标应用不存在');
    if (targetApp.team !== targetTeam)
      throw serviceError(400, 'group app and team relation no found', '目标应用不属于目标团队');
    const target = { app: targetApp, team: targetTeam, region: copy.target_region_name };
    const source = { team, appId: appIdOf(request.params.app_id) };
    return { services: state.copy(source, copy.services, target, actor) };
  });

  // ListAppServicesView (TeamAppAPIView): every component of the app, with its runtime status.
  app.get<{ Params: AppParams }>(`${BASE}/:app_id/services`, (request) =>
    state.componentsOf(appScope(request).app.id).map(withStatus),
  );

  // ListServiceEventsView: one component's events, newest first, paged.
  app.get<{ Params: AppParams & { service_id: string }; Querystring: Query }>(
    `${BASE}/:app_id/services/:service_id/events`,
    (request) => {
      const { app: found } = appScope(request);
      const component = state
        .componentsOf(found.id)
        .find((candidate) => candidate.info.service_id === request.params.service_id);
      if (!component) throw serviceError(404, 'service not found', '组件不存在');
      const page = positive(lastValue(request.query.page), 1);
      const pageSize = positive(lastValue(request.query.page_size), 10);
      const events = component.lifecycle.events(
        component.info.service_id,
        component.info.tenant_id,
      );
      return {
        page,
        page_size: pageSize,
        total: events.length,
        events: events.slice((page - 1) * pageSize, page * pageSize),
      };
    },
  );

  app.get<{ Params: AppParams }>(`${BASE}/:app_id/upgrade`, (request) =>
    state.upgradeInfo(appScope(request).app),
  );

  app.post<{ Params: AppParams }>(`${BASE}/:app_id/upgrade`, (request) => {
    const { app: target } = appScope(request);
    state.upgrade(target, validateUpgrade(jsonBody(request)));
    return state.upgradeInfo(target);
  });

  return app;
}

/** `OpenAPIAuthentication`: the whole header value is the token, no scheme. */
function authenticate(request: FastifyRequest, tokens: Record<SandboxTeamKey, string>): TokenUser {
  const header = request.headers.authorization;
  if (!header) throw authenticationFailed('No token');
  const owner = TEAM_KEYS.find((key) => tokens[key] === header);
  if (!owner) throw authenticationFailed('No such user');
  return RAINBOND.users[owner];
}

/** Django's URL patterns come first: a path they do not match is a plain 404 page. */
function matchUrl(params: TeamParams & { app_id?: string }): void {
  const { team_id: teamId, region_name: region, app_id: appId } = params;
  if (!WORD.test(teamId) || !WORD.test(region) || (appId !== undefined && !APP_ID.test(appId))) {
    throw urlNotMatched();
  }
}

/** `app_id` matched `[\d-]+`; the ORM's int() then fails on anything but digits (a 500). */
function appIdOf(raw: string): number {
  if (!/^\d+$/.test(raw)) throw invalidIntegerId(raw);
  return Number(raw);
}

/** DRF's `request.data` with JSONParser only: no body reads as `{}`. */
function jsonBody(request: FastifyRequest): unknown {
  const body = bodyOf(request);
  switch (body.kind) {
    case 'absent':
      return {};
    case 'json':
      return body.value;
    case 'unsupported':
      throw apiException(
        415,
        `Unsupported media type "${body.contentType}" in request.`,
        'UnsupportedMediaType',
      );
    case 'invalid-json':
      throw apiException(400, `JSON parse error - ${body.reason}`, 'ParseError');
  }
}

/** Django's `QueryDict.get`: of a repeated parameter, the last value. */
function lastValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.at(-1) : value;
}

/** A component as the services list answers it: the record with its status now. */
function withStatus(component: Component) {
  return { ...component.info, status: component.lifecycle.status() };
}

/** A page number or size as the console reads it: a positive integer, else the default. */
function positive(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** `AppBaseInfoSerializer`: every `ServiceGroup` field. */
function appBaseInfo(app: RainbondApp) {
  return {
    ID: app.id,
    tenant_id: RAINBOND.teams[app.team].tenantId,
    group_name: app.name,
    region_name: app.region,
    is_default: false,
    order_index: 0,
    note: app.note,
    username: app.username,
    governance_mode: 'KUBERNETES_NATIVE_SERVICE',
    create_time: app.createTime,
    update_time: app.updateTime,
    app_type: 'rainbond',
    app_store_name: null,
    app_store_url: null,
    app_template_name: null,
    version: null,
    logo: '',
    k8s_app: app.k8sApp,
  };
}

/** `AppInfoSerializer` as the view returns it: no `ID` (see research §3.2), `app_id` instead. */
function appInfo(app: RainbondApp, state: RainbondState) {
  const { ID: appId, ...base } = appBaseInfo(app);
  const components = state.componentsOf(app.id);
  const running = components.filter((component) => component.lifecycle.status() === 'running');
  const status =
    running.length > 0 && running.length === components.length
      ? 'running'
      : running.length > 0
        ? 'part_running'
        : 'closed';
  return {
    ...base,
    enterprise_id: RAINBOND.enterpriseId,
    service_count: components.length,
    running_service_count: running.length,
    used_momory: running.reduce((sum, c) => sum + c.info.min_memory * c.info.min_node, 0),
    used_cpu: running.reduce((sum, c) => sum + c.info.min_cpu * c.info.min_node, 0),
    app_id: appId,
    team_name: RAINBOND.teams[app.team].tenantName,
    status,
  };
}

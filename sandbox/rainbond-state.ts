import { createHash, randomBytes } from 'node:crypto';
import {
  type Component,
  copiedComponent,
  marketComponent,
  type ServiceBaseInfo,
} from './rainbond-components';
import { serviceError } from './rainbond-errors';
import {
  ComponentLifecycle,
  INSTANT_LIFECYCLE,
  type LifecycleSettings,
  rainbondTime,
} from './rainbond-lifecycle';
import type {
  CopyRequest,
  CreateAppRequest,
  InstallRequest,
  UpgradeRequest,
} from './rainbond-serializers';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';

const RAINBOND = SANDBOX_WORLD.rainbond;
type MarketModel = (typeof RAINBOND.market.models)[number];

export interface RainbondApp {
  id: number;
  team: SandboxTeamKey;
  region: string;
  name: string;
  note: string;
  k8sApp: string;
  username: string;
  createTime: string;
  updateTime: string;
}

export interface UpgradeInfo {
  market_name: string;
  app_model_id: string;
  app_model_name: string;
  current_version: string;
  enterprise_id: string;
  can_upgrade: boolean;
  upgrade_versions: string[];
  source: string;
}

export interface Actor {
  userId: number;
  nickName: string;
}

/** Rainbond's apps and components, seeded from SANDBOX_WORLD, changed by install, copy and upgrade. */
export class RainbondState {
  readonly apps: RainbondApp[] = [];
  private readonly components: Component[] = [];
  private nextAppId = Math.max(...RAINBOND.apps.map((app) => app.id)) + 1;
  private nextGroupId = 1;

  constructor(private readonly lifecycle: LifecycleSettings = INSTANT_LIFECYCLE) {
    for (const seed of RAINBOND.apps) {
      const owner = RAINBOND.users[seed.team];
      this.apps.push(newApp(seed.id, seed.team, seed.region, seed.name, '', owner.nickName));
    }
    for (const seed of RAINBOND.installed) {
      const app = this.apps.find((candidate) => candidate.id === seed.appId);
      const owner = app && RAINBOND.users[app.team];
      if (app && owner)
        this.addModel(app, modelById(seed.appModelId), seed.version, owner.userId, false);
    }
  }

  appOf(team: SandboxTeamKey, region: string, appId: number): RainbondApp | undefined {
    return this.apps.find((app) => app.id === appId && app.team === team && app.region === region);
  }

  componentsOf(appId: number): Component[] {
    return this.components.filter((component) => component.appId === appId);
  }

  createApp(
    team: SandboxTeamKey,
    region: string,
    request: CreateAppRequest,
    actor: Actor,
  ): RainbondApp {
    const taken = this.apps.some(
      (app) => app.team === team && app.region === region && app.name === request.app_name,
    );
    if (taken) throw serviceError(400, 'app name exist', '应用名称已存在');
    const app = newApp(
      this.nextAppId++,
      team,
      region,
      request.app_name,
      request.app_note,
      actor.nickName,
    );
    if (request.k8s_app) app.k8sApp = request.k8s_app;
    this.apps.push(app);
    return app;
  }

  install(app: RainbondApp, request: InstallRequest, actor: Actor, deploy: boolean): void {
    const { market } = RAINBOND;
    const model = RAINBOND.market.models.find((candidate) => candidate.id === request.app_model_id);
    if (request.market_url !== market.url || request.market_domain !== market.domain || !model) {
      throw serviceError(404, 'not found', '云端应用不存在');
    }
    if (!hasVersion(model, request.app_model_version)) {
      throw serviceError(404, 'not found', '云端应用版本不存在');
    }
    this.addModel(app, model, request.app_model_version, actor.userId, deploy);
  }

  /** Copies components of `sourceAppId` (scoped to the source team) into `target`; returns the new ones. */
  copy(
    source: { team: SandboxTeamKey; appId: number },
    services: CopyRequest['services'],
    target: { app: RainbondApp; team: SandboxTeamKey; region: string },
    actor: Actor,
  ): ServiceBaseInfo[] {
    const sourceTenant = RAINBOND.teams[source.team].tenantId;
    const available = this.componentsOf(source.appId).filter(
      (c) => c.info.tenant_id === sourceTenant,
    );
    const unknown = services.find(
      (service) => !available.some((c) => c.info.service_id === service.service_id),
    );
    if (unknown)
      throw serviceError(400, `service ${unknown.service_id} not found in app`, '组件不属于该应用');
    const chosen =
      services.length === 0
        ? available
        : available.filter((c) => services.some((s) => s.service_id === c.info.service_id));
    const groupId = this.nextGroupId++;
    const tenantId = RAINBOND.teams[target.team].tenantId;
    const copies = chosen.map((original) => {
      const info = copiedComponent(original.info, {
        tenantId,
        region: target.region,
        userId: actor.userId,
        groupId,
        k8sName: this.uniqueK8sName(original.info.service_cname, tenantId),
      });
      const lifecycle = new ComponentLifecycle(info.service_cname, this.lifecycle);
      lifecycle.deploy();
      this.components.push({ ...original, appId: target.app.id, lifecycle, info });
      return info;
    });
    touch(target.app);
    return copies;
  }

  /** Upgrades the app's components of each listed model; models with no component are skipped. */
  upgrade(app: RainbondApp, request: UpgradeRequest): void {
    const plan = request.update_versions.flatMap((entry) => {
      const installed = this.componentsOf(app.id).filter(
        (c) => c.appModelId === entry.app_model_id,
      );
      if (installed.length === 0) return [];
      // Inference from rainbond-console: the model is looked up in the named market (null = the local
      // library, where market-installed models are not), then the version in that model.
      if (entry.market_name === null)
        throw serviceError(404, 'app model not found', '应用模版不存在');
      if (entry.market_name !== installed[0].marketName)
        throw serviceError(404, 'market not found', '应用市场不存在');
      const model = modelById(entry.app_model_id);
      if (!hasVersion(model, entry.app_model_version)) {
        throw serviceError(404, 'not found', '云端应用版本不存在');
      }
      return [{ installed, model, version: entry.app_model_version }];
    });
    for (const { installed, model, version } of plan) {
      for (const component of installed) {
        const source = model.components.find((c) => c.cname === component.info.service_cname);
        component.info.version = version;
        component.info.image = `${source?.image ?? component.info.image.split(':')[0]}:${version}`;
        component.info.update_version += 1;
        component.lifecycle.upgrade();
      }
    }
    if (plan.length > 0) touch(app);
  }

  /** One `ListUpgrade` entry per market model installed in the app. */
  upgradeInfo(app: RainbondApp): UpgradeInfo[] {
    const byModel = new Map<string, Component>();
    for (const component of this.componentsOf(app.id)) {
      if (!byModel.has(component.appModelId)) byModel.set(component.appModelId, component);
    }
    return [...byModel.values()].map((component) => {
      const model = modelById(component.appModelId);
      const current = component.info.version;
      const versions: readonly string[] = model.versions;
      const newer = versions.slice(versions.indexOf(current) + 1);
      return {
        market_name: component.marketName,
        app_model_id: model.id,
        app_model_name: model.name,
        current_version: current,
        enterprise_id: RAINBOND.enterpriseId,
        can_upgrade: newer.length > 0,
        upgrade_versions: [...newer],
        source: 'market',
      };
    });
  }

  private addModel(
    app: RainbondApp,
    model: MarketModel,
    version: string,
    userId: number,
    deploy: boolean,
  ): void {
    const groupId = this.nextGroupId++;
    const tenantId = RAINBOND.teams[app.team].tenantId;
    for (const part of model.components) {
      const serviceKey = createHash('md5').update(`${model.id}/${part.cname}`).digest('hex');
      const info = marketComponent(part, version, serviceKey, {
        tenantId,
        region: app.region,
        userId,
        groupId,
        k8sName: this.uniqueK8sName(part.cname, tenantId),
      });
      const lifecycle = new ComponentLifecycle(part.cname, this.lifecycle);
      if (deploy) lifecycle.deploy();
      this.components.push({
        appId: app.id,
        appModelId: model.id,
        marketName: RAINBOND.market.name,
        lifecycle,
        info,
      });
    }
    touch(app);
  }

  private uniqueK8sName(base: string, tenantId: string): string {
    const taken = (name: string) =>
      this.components.some(
        (c) => c.info.tenant_id === tenantId && c.info.k8s_component_name === name,
      );
    let name = base;
    while (taken(name)) name = `${base}-${randomBytes(2).toString('hex')}`;
    return name;
  }
}

function hasVersion(model: MarketModel, version: string): boolean {
  return (model.versions as readonly string[]).includes(version);
}

function modelById(id: string): MarketModel {
  const model = RAINBOND.market.models.find((candidate) => candidate.id === id);
  if (!model) throw new Error(`sandbox world has no market model ${id}`);
  return model;
}

function newApp(
  id: number,
  team: SandboxTeamKey,
  region: string,
  name: string,
  note: string,
  username: string,
): RainbondApp {
  const now = rainbondTime();
  return {
    id,
    team,
    region,
    name,
    note,
    username,
    k8sApp: `app-${randomBytes(4).toString('hex')}`,
    createTime: now,
    updateTime: now,
  };
}

function touch(app: RainbondApp): void {
  app.updateTime = rainbondTime();
}

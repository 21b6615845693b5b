import { formatApplicationId, type RainbondAppRef } from '../applications/application-id';
import type { CopyTarget } from '../applications/application-provider.port';
import type { CopyApplicationRequest } from '../applications/dto/copy-application.dto';
import {
  DEFAULT_MARKET_TYPE,
  type InstallApplicationRequest,
} from '../applications/dto/install-application.dto';
import type { UpgradeApplicationRequest } from '../applications/dto/upgrade-application.dto';
import type { Application } from '../applications/models/application.model';
import type { Component } from '../applications/models/component.model';
import type { CopyResult } from '../applications/models/copy-result.model';
import type { UpgradeOption, UpgradeResult } from '../applications/models/upgrade-option.model';
import type {
  AppBaseInfo,
  AppInfo,
  AppCopyC,
  AppCopyCRes,
  Install,
  InstallQuery,
  ListUpgrade,
  MarketInstall,
  ServiceBaseInfo,
  Upgrade,
} from './rainbond.wire';

/*
 * Pure, whitelisted mapping between the public model and the Rainbond wire types. Every field is
 * named on both sides, so a new upstream field neither leaks nor vanishes by accident (see `raw`).
 */

// ---- public → wire ----

export function toInstallBody(request: InstallApplicationRequest): Install {
  return {
    market_url: request.market.url,
    market_domain: request.market.domain,
    market_type: request.market.type ?? DEFAULT_MARKET_TYPE,
    market_access_key: request.market.accessKey ?? null,
    app_model_id: request.appModelId,
    app_model_version: request.appModelVersion,
  };
}

/** Only a wanted deploy is sent: Rainbond deploys on any non-empty value, "false" included. */
export function toInstallQuery(request: InstallApplicationRequest): InstallQuery | undefined {
  return request.deploy === true ? { is_deploy: 'true', is_upload: 'true' } : undefined;
}

/** No components (or an empty list) means copy them all, as upstream treats `services: []`. */
export function toCopyBody(
  request: CopyApplicationRequest,
  targetTeamName: string,
  targetApp: RainbondAppRef,
): AppCopyC {
  return {
    services: (request.components ?? []).map((component) =>
      component.change === undefined
        ? { service_id: component.id }
        : { service_id: component.id, change: component.change },
    ),
    target_team_name: targetTeamName,
    target_region_name: targetApp.region,
    target_app_id: targetApp.appId,
  };
}

export function toUpgradeBody(request: UpgradeApplicationRequest): Upgrade {
  return {
    update_versions: request.versions.map((version) => ({
      market_name: version.marketName ?? null,
      app_model_id: version.appModelId,
      app_model_version: version.appModelVersion,
    })),
  };
}

// ---- wire → public ----

export function toComponent(wire: ServiceBaseInfo): Component {
  return {
    id: wire.service_id,
    name: wire.service_cname,
    alias: wire.service_alias,
    key: wire.service_key,
    k8sComponentName: wire.k8s_component_name,
    status: wire.status,
    accessInfos: wire.access_infos,
    tenantId: wire.tenant_id,
    region: wire.service_region,
    description: wire.desc,
    category: wire.category,
    version: wire.version,
    updateVersion: wire.update_version,
    image: wire.image,
    cmd: wire.cmd,
    replicas: wire.min_node,
    cpuMillicores: wire.min_cpu,
    gpuMemory: wire.container_gpu,
    memoryMb: wire.min_memory,
    totalMemoryMb: wire.total_memory,
    extendMethod: wire.extend_method,
    codeFrom: wire.code_from,
    gitUrl: wire.git_url,
    gitProjectId: wire.git_project_id,
    codeVersion: wire.code_version,
    serviceType: wire.service_type,
    creatorId: wire.creater,
    language: wire.language,
    isService: wire.is_service,
    origin: wire.service_origin,
    componentGroupId: wire.tenant_service_group_id,
    webhooksEnabled: wire.open_webhooks,
    source: wire.service_source,
    createStatus: wire.create_status,
    checkUuid: wire.check_uuid,
    checkEventId: wire.check_event_id,
    dockerCmd: wire.docker_cmd,
    serverType: wire.server_type,
    upgradable: wire.is_upgrate,
    upgradeAfterBuild: wire.build_upgrade,
    oauthServiceId: wire.oauth_service_id,
  };
}

/** One item of the app list; `region` is the region the list was asked for. */
export function fromAppBaseInfo(region: string, wire: AppBaseInfo): Application {
  return {
    id: formatApplicationId({ provider: 'rainbond', region, appId: wire.ID }),
    provider: 'rainbond',
    name: wire.group_name,
    description: wire.note ?? undefined,
    createdAt: wire.create_time ?? undefined,
    updatedAt: wire.update_time ?? undefined,
    rainbond: { teamId: wire.tenant_id, region: wire.region_name, note: wire.note },
    raw: wire,
  };
}

/** GET one app (`AppInfo`) with its components. */
export function fromAppInfo(
  app: RainbondAppRef,
  wire: AppInfo,
  components: ServiceBaseInfo[],
): Application {
  return {
    id: formatApplicationId({ provider: 'rainbond', region: app.region, appId: wire.app_id }),
    provider: 'rainbond',
    name: wire.group_name,
    description: wire.note ?? undefined,
    createdAt: wire.create_time ?? undefined,
    updatedAt: wire.update_time ?? undefined,
    rainbond: {
      enterpriseId: wire.enterprise_id,
      teamId: wire.tenant_id,
      region: wire.region_name ?? app.region,
      note: wire.note,
      status: wire.status,
      componentCount: wire.service_count,
      runningComponentCount: wire.running_service_count,
    },
    components: components.map(toComponent),
    raw: { app: wire, services: components },
  };
}

/** `app` is the app we called: its region routes the id, `ID` is what Rainbond answered. */
export function toApplication(app: RainbondAppRef, wire: MarketInstall): Application {
  return {
    id: formatApplicationId({ provider: 'rainbond', region: app.region, appId: wire.ID }),
    provider: 'rainbond',
    rainbond: {
      enterpriseId: wire.enterprise_id,
      teamId: wire.team_id,
      region: wire.region_name,
      note: wire.note,
    },
    components: wire.service_list.map(toComponent),
    raw: wire,
  };
}

export function toCopyResult(
  source: RainbondAppRef,
  target: CopyTarget,
  wire: AppCopyCRes,
): CopyResult {
  return {
    sourceApplicationId: formatApplicationId(source),
    target: { team: target.team.key, applicationId: formatApplicationId(target.app) },
    components: wire.services.map(toComponent),
    raw: wire,
  };
}

export function toUpgradeOption(wire: ListUpgrade): UpgradeOption {
  return {
    marketName: wire.market_name,
    appModelId: wire.app_model_id,
    appModelName: wire.app_model_name,
    currentVersion: wire.current_version,
    enterpriseId: wire.enterprise_id,
    canUpgrade: wire.can_upgrade,
    upgradeVersions: wire.upgrade_versions,
    source: wire.source,
  };
}

export function toUpgradeResult(app: RainbondAppRef, wire: ListUpgrade[]): UpgradeResult {
  return {
    applicationId: formatApplicationId(app),
    options: wire.map(toUpgradeOption),
    raw: wire,
  };
}

import { formatApplicationId } from '../applications/application-id';
import type { RainbondAppRef } from './rainbond.provider';
import type { CopyApplicationRequest } from '../applications/dto/copy-application.dto';
import {
  DEFAULT_MARKET_TYPE,
  type InstallApplicationRequest,
} from '../applications/dto/install-application.dto';
import type { UpgradeApplicationRequest } from '../applications/dto/upgrade-application.dto';
import type { Application, ApplicationStatus } from '../applications/models/application.model';
import type { RainbondDetails } from './rainbond-details.model';
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
import { toComponent } from './rainbond-component.mapper';
import { present } from '../common/empty-is-absent';
import { toOptionalUtcTimestamp } from '../common/upstream-time';
import { fromWireEnum } from '../common/wire-enum';

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

/** What a read needs besides the body: the gateway team it is for, the installation's time zone. */
export interface RainbondReadContext {
  team: string;
  timeZone: string;
}

const APP_STATUS_FROM_WIRE: Readonly<Record<string, ApplicationStatus>> = {
  running: 'running',
  part_running: 'partially-running',
  closed: 'stopped',
};

function time(
  context: RainbondReadContext,
  field: string,
  value: string | null | undefined,
): string | undefined {
  return toOptionalUtcTimestamp(value, { provider: 'rainbond', field, timeZone: context.timeZone });
}

/** The fields an app list item (`AppBaseInfo`) and a read app (`AppInfo`) share. */
function appFields(
  context: RainbondReadContext,
  id: string,
  wire: AppBaseInfo | AppInfo,
): Omit<Application, 'rainbond'> & { rainbond: RainbondDetails } {
  return {
    id,
    provider: 'rainbond',
    name: present(wire.group_name),
    description: present(wire.note),
    icon: present(wire.logo),
    createdAt: time(context, 'create_time', wire.create_time),
    updatedAt: time(context, 'update_time', wire.update_time),
    owner: {
      team: context.team,
      tenantId: present(wire.tenant_id),
      createdBy: present(wire.username),
    },
    rainbond: {
      region: present(wire.region_name),
      appType: present(wire.app_type),
      k8sName: present(wire.k8s_app),
    },
  };
}

/** One item of the app list; `region` is the region the list was asked for. */
export function fromAppBaseInfo(
  context: RainbondReadContext,
  region: string,
  wire: AppBaseInfo,
): Application {
  const id = formatApplicationId({ provider: 'rainbond', region, appId: wire.ID });
  return { ...appFields(context, id, wire), raw: wire };
}

/** One app as read (`AppInfo`) with its components. */
export function fromAppInfo(
  context: RainbondReadContext,
  app: RainbondAppRef,
  wire: AppInfo,
  components: ServiceBaseInfo[],
): Application {
  // The app asked for names it: Rainbond found it by that id within the team and region.
  const fields = appFields(context, formatApplicationId(app), wire);
  return {
    ...fields,
    status: fromWireEnum(APP_STATUS_FROM_WIRE, wire.status, 'unknown'),
    rainbond: {
      ...fields.rainbond,
      region: fields.rainbond.region ?? app.region,
      enterpriseId: present(wire.enterprise_id),
      status: present(wire.status),
      componentCount: wire.service_count,
      runningComponentCount: wire.running_service_count,
    },
    components: components.map(toComponent),
    raw: { app: wire, services: components },
  };
}

/**
 * Install answer (`MarketInstall`): `app` is the app we called (its region routes the id, `ID` is
 * what Rainbond answered). `read` is the app as read right after, for name, times and status; without
 * it the answer has what the install body holds.
 */
export function fromMarketInstall(
  context: RainbondReadContext,
  app: RainbondAppRef,
  wire: MarketInstall,
  read?: AppInfo,
): Application {
  const installed = { ...app, appId: wire.ID };
  const base = read
    ? fromAppInfo(context, installed, read, wire.service_list)
    : {
        id: formatApplicationId(installed),
        provider: 'rainbond' as const,
        description: present(wire.note),
        owner: { team: context.team },
        components: wire.service_list.map(toComponent),
      };
  return {
    ...base,
    owner: { ...base.owner, tenantId: present(wire.team_id) ?? base.owner.tenantId },
    rainbond: {
      ...base.rainbond,
      region: present(wire.region_name) ?? base.rainbond?.region ?? app.region,
      enterpriseId: present(wire.enterprise_id) ?? base.rainbond?.enterpriseId,
    },
    raw: read ? { install: wire, app: read } : { install: wire },
  };
}

/**
 * Copy answer (`AppCopyCRes`): the target application with the components the copy created.
 * `read` is the target app as read right after the copy.
 */
export function fromAppCopy(
  context: RainbondReadContext,
  target: RainbondAppRef,
  wire: AppCopyCRes,
  read?: AppInfo,
): Application {
  const base = read
    ? fromAppInfo(context, target, read, wire.services)
    : {
        id: formatApplicationId(target),
        provider: 'rainbond' as const,
        owner: { team: context.team },
        rainbond: { region: target.region },
        components: wire.services.map(toComponent),
      };
  return { ...base, raw: read ? { copy: wire, app: read } : { copy: wire } };
}

/**
 * Upgrade answer (`ListUpgrade[]`, re-read by Rainbond after the upgrade): the application with its
 * app models; `read` is the app and its components as read right after.
 */
export function fromUpgrade(
  context: RainbondReadContext,
  app: RainbondAppRef,
  wire: ListUpgrade[],
  read?: { info: AppInfo; components: ServiceBaseInfo[] },
): Application {
  const base = read
    ? fromAppInfo(context, app, read.info, read.components)
    : {
        id: formatApplicationId(app),
        provider: 'rainbond' as const,
        owner: { team: context.team },
        rainbond: { region: app.region },
      };
  return {
    ...base,
    rainbond: { ...base.rainbond, appModels: wire.map(toUpgradeOption) },
    raw: read ? { upgrade: wire, app: read.info, services: read.components } : { upgrade: wire },
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

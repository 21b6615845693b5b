import { HttpStatus, Injectable } from '@nestjs/common';
import { formatApplicationId } from '../applications/application-id';
import type { RainbondAppRef } from './rainbond.provider';
import type {
  AppCopier,
  AppInstaller,
  ApplicationReader,
  ApplicationSource,
  AppUpgrader,
  CopyTarget,
  UpgradeOptionsReader,
} from '../applications/application-provider.port';
import type { CopyApplicationRequest } from '../applications/dto/copy-application.dto';
import type { InstallApplicationRequest } from '../applications/dto/install-application.dto';
import type { UpgradeApplicationRequest } from '../applications/dto/upgrade-application.dto';
import type { Application } from '../applications/models/application.model';
import type { UpgradeResult } from '../applications/models/upgrade-option.model';
import { configuredAccount } from '../applications/provider-registration';
import { ProblemError } from '../common/problem';
import { UpstreamError } from '../upstream/upstream.error';
import type { TeamContext } from '../teams/team-context';
import { encodePath } from '../upstream/http/upstream-http';
import { UpstreamPipeline, type UpstreamCall } from '../upstream/upstream-pipeline';
import type { RainbondAccount } from './rainbond-account.schema';
import {
  fromAppBaseInfo,
  fromAppCopy,
  fromAppInfo,
  fromMarketInstall,
  fromUpgrade,
  toCopyBody,
  type RainbondReadContext,
  toInstallBody,
  toInstallQuery,
  toUpgradeBody,
  toUpgradeResult,
} from './rainbond.mapper';
import {
  appCopyCResSchema,
  appInfoSchema,
  appListSchema,
  componentListSchema,
  marketInstallSchema,
  serviceEventsSchema,
  upgradeResponseSchema,
  appPath,
  appsPath,
  appWrite,
  type AppCall,
  type AppInfo,
  type ServiceBaseInfo,
  type ServiceEvents,
} from './rainbond.wire';

/**
 * Rainbond's app operations and reads: check what config can tell before calling, map, call, map
 * back. The only place that knows Rainbond's paths; each call goes to the upstream pipeline as the
 * team (by its key), which adds the team's token, its timeout and error reading.
 */
@Injectable()
export class RainbondAdapter
  implements
    AppInstaller<RainbondAppRef>,
    AppCopier<RainbondAppRef>,
    AppUpgrader<RainbondAppRef>,
    ApplicationReader<RainbondAppRef>,
    UpgradeOptionsReader<RainbondAppRef>
{
  readonly provider = 'rainbond' as const;

  constructor(private readonly upstream: UpstreamPipeline) {}

  async install(
    team: TeamContext,
    app: RainbondAppRef,
    request: InstallApplicationRequest,
  ): Promise<Application> {
    const account = accountFor(team, app);
    const body = toInstallBody(request);
    const query = toInstallQuery(request);
    const wire = await this.onApp(team, app, appWrite('install', body, marketInstallSchema, query));
    const read = await readAfterWrite(() => this.getApp(team, { ...app, appId: wire.ID }));
    return fromMarketInstall(readContext(team.key, account), app, wire, read);
  }

  async copy(
    team: TeamContext,
    app: RainbondAppRef,
    target: CopyTarget,
    request: CopyApplicationRequest,
  ): Promise<Application> {
    const account = accountFor(team, app);
    const targetAccount = copyTargetAccount(account, target);
    // Copy is a TeamAPIView upstream: it does not check the source app belongs to the team and
    // would answer another team's app id with an empty copy. Reading the app first gives a 404.
    await this.getApp(team, app);
    await this.checkCopyTarget(target);
    const body = toCopyBody(request, targetAccount.teamName, target.app);
    const wire = await this.onApp(team, app, appWrite('copy', body, appCopyCResSchema));
    const read = await readAfterWrite(() => this.getApp(target.team, target.app));
    return fromAppCopy(readContext(target.team.key, targetAccount), target.app, wire, read);
  }

  /**
   * Rainbond would refuse a target app of another team only after the copy began; reading it with
   * the target team's account first makes that a 404 before anything is written.
   */
  private async checkCopyTarget(target: CopyTarget): Promise<void> {
    try {
      await this.getApp(target.team, target.app);
    } catch (error) {
      if (!(error instanceof UpstreamError) || error.status !== HttpStatus.NOT_FOUND) throw error;
      throw ProblemError.of(
        'application-not-found',
        `target application ${formatApplicationId(target.app)} not found in team ${target.team.key}`,
      );
    }
  }

  async upgrade(
    team: TeamContext,
    app: RainbondAppRef,
    request: UpgradeApplicationRequest,
  ): Promise<Application> {
    const account = accountFor(team, app);
    const body = toUpgradeBody(request);
    const wire = await this.onApp(team, app, appWrite('upgrade', body, upgradeResponseSchema));
    const read = await readAfterWrite(async () => {
      const [info, components] = await Promise.all([
        this.getApp(team, app),
        this.listComponents(team, app),
      ]);
      return { info, components };
    });
    return fromUpgrade(readContext(team.key, account), app, wire, read);
  }

  /**
   * One source per region. Rainbond lists a region's apps unpaginated, newest update first; sorted
   * by app id instead, pages stay stable while apps are updated (new apps come last).
   */
  sources(team: TeamContext): ApplicationSource[] {
    const account = team.rainbond;
    if (!account) return [];
    return account.regions.map((region) => ({
      name: `rainbond:${region}`,
      provider: 'rainbond' as const,
      page: async (offset: number, limit: number, nameContains?: string) => {
        // Every app of the team in the region (unpaginated upstream), newest update first.
        const apps = await this.call(team, {
          operation: 'list-apps',
          method: 'GET',
          path: appsPath(account.teamName, region),
          query: nameContains ? { query: nameContains } : undefined,
          schema: appListSchema,
        });
        const ordered = [...apps].sort((a, b) => a.ID - b.ID);
        return {
          items: ordered
            .slice(offset, offset + limit)
            .map((app) => fromAppBaseInfo(readContext(team.key, account), region, app)),
          total: ordered.length,
        };
      },
    }));
  }

  async get(team: TeamContext, app: RainbondAppRef): Promise<Application> {
    const account = accountFor(team, app);
    const [info, components] = await Promise.all([
      this.getApp(team, app),
      this.listComponents(team, app),
    ]);
    return fromAppInfo(readContext(team.key, account), app, info, components);
  }

  async upgradeOptions(team: TeamContext, app: RainbondAppRef): Promise<UpgradeResult> {
    accountFor(team, app);
    const upgrades = await this.onApp(team, app, {
      below: '/upgrade',
      operation: 'upgrade-info',
      method: 'GET',
      schema: upgradeResponseSchema,
    });
    return toUpgradeResult(app, upgrades);
  }

  // ---- Rainbond's calls (paths in rainbond.wire.ts); the progress reader uses the public reads ----

  /** The app, which Rainbond finds only within the team and region of the path (404 otherwise). */
  getApp(team: TeamContext, app: RainbondAppRef): Promise<AppInfo> {
    return this.onApp(team, app, {
      below: '',
      operation: 'get-app',
      method: 'GET',
      schema: appInfoSchema,
    });
  }

  /** The components of an app. */
  listComponents(team: TeamContext, app: RainbondAppRef): Promise<ServiceBaseInfo[]> {
    return this.onApp(team, app, {
      below: '/services',
      operation: 'list-components',
      method: 'GET',
      schema: componentListSchema,
    });
  }

  /** The first page of one component's events (newest first): builds, starts, upgrades. */
  listComponentEvents(
    team: TeamContext,
    app: RainbondAppRef,
    serviceId: string,
    pageSize: number,
  ): Promise<ServiceEvents> {
    return this.onApp(team, app, {
      below: encodePath`/services/${serviceId}/events`,
      operation: 'list-component-events',
      method: 'GET',
      query: { page: '1', page_size: String(pageSize) },
      schema: serviceEventsSchema,
    });
  }

  /** A call on one app of the team: `…/apps/{app_id}`, or `below` it. */
  private onApp<T>(team: TeamContext, app: RainbondAppRef, call: AppCall<T>): Promise<T> {
    const { below, ...rest } = call;
    return this.call(team, { ...rest, path: appPath(teamNameOf(team), app) + below });
  }

  private async call<T>(team: TeamContext, call: UpstreamCall<T>): Promise<T> {
    const headers = call.body === undefined ? undefined : { 'content-type': 'application/json' };
    const response = await this.upstream.call('rainbond', team.key, { ...call, headers });
    return response.data;
  }
}

function teamNameOf(team: TeamContext): string {
  return configuredAccount(team, team.rainbond, 'Rainbond').teamName;
}

function readContext(team: string, account: RainbondAccount): RainbondReadContext {
  return { team, timeZone: account.timeZone };
}

/**
 * The read that completes a write's answer (name, times, status). The write has happened by then:
 * if the read fails, the answer carries what the write's own body holds rather than an error that
 * would invite the caller to write again.
 */
async function readAfterWrite<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

/** The team's Rainbond account, provided the app lives in a region this team may use. */
export function accountFor(team: TeamContext, app: RainbondAppRef): RainbondAccount {
  const account = configuredAccount(team, team.rainbond, 'Rainbond');
  if (!account.regions.includes(app.region)) {
    // same answer as an unknown app: a region outside the team's config is not visible to it
    throw ProblemError.applicationNotFound(formatApplicationId(app));
  }
  return account;
}

/**
 * The copy runs with the source team's token on the source console, so the target must be a team
 * of that same Rainbond instance, in a region that team may use.
 */
function copyTargetAccount(source: RainbondAccount, target: CopyTarget): RainbondAccount {
  const account = target.team.rainbond;
  if (!account) {
    throw ProblemError.invalidField(
      'target.team',
      `team ${target.team.key} has no Rainbond account`,
    );
  }
  if (instanceKey(account.baseUrl) !== instanceKey(source.baseUrl)) {
    throw ProblemError.invalidField(
      'target.team',
      `team ${target.team.key} is on another Rainbond instance than the source application`,
    );
  }
  if (!account.regions.includes(target.app.region)) {
    throw ProblemError.invalidField(
      'target.applicationId',
      `region ${target.app.region} is not available to team ${target.team.key}`,
    );
  }
  return account;
}

/** A base URL reduced to origin + path, so a trailing slash or host-name case makes no difference. */
function instanceKey(baseUrl: string): string {
  const url = new URL(baseUrl);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

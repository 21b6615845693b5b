import { HttpStatus, Injectable } from '@nestjs/common';
import {
  formatApplicationId,
  type ApplicationRef,
  type RainbondAppRef,
} from '../applications/application-id';
import type {
  ApplicationProvider,
  ApplicationSource,
  CopyTarget,
} from '../applications/application-provider.port';
import type { CopyApplicationRequest } from '../applications/dto/copy-application.dto';
import type { InstallApplicationRequest } from '../applications/dto/install-application.dto';
import type { UpgradeApplicationRequest } from '../applications/dto/upgrade-application.dto';
import type { Application } from '../applications/models/application.model';
import type { CopyResult } from '../applications/models/copy-result.model';
import type { UpgradeResult } from '../applications/models/upgrade-option.model';
import { ProblemError } from '../common/problem';
import type { RainbondTeamConfig } from '../config/gateway-config.schema';
import type { TeamContext } from '../teams/team-context';
import { RainbondClient } from './rainbond.client';
import {
  fromAppBaseInfo,
  fromAppInfo,
  toApplication,
  toCopyBody,
  toCopyResult,
  toInstallBody,
  toInstallQuery,
  toUpgradeBody,
  toUpgradeResult,
} from './rainbond.mapper';

/** The Rainbond ApplicationProvider: check what config can tell before calling, map, call, map back. */
@Injectable()
export class RainbondAdapter implements ApplicationProvider {
  readonly provider = 'rainbond' as const;

  constructor(private readonly client: RainbondClient) {}

  async install(
    team: TeamContext,
    app: RainbondAppRef,
    request: InstallApplicationRequest,
  ): Promise<Application> {
    const account = accountFor(team, app);
    const wire = await this.client.install(
      account,
      app,
      toInstallBody(request),
      toInstallQuery(request),
    );
    return toApplication(app, wire);
  }

  async copy(
    team: TeamContext,
    app: RainbondAppRef,
    target: CopyTarget,
    request: CopyApplicationRequest,
  ): Promise<CopyResult> {
    const account = accountFor(team, app);
    const targetAccount = copyTargetAccount(account, target);
    // Copy is a TeamAPIView upstream: it does not check the source app belongs to the team and
    // would answer another team's app id with an empty copy. Reading the app first gives a 404.
    await this.client.getApp(account, app);
    const wire = await this.client.copy(
      account,
      app,
      toCopyBody(request, targetAccount.teamName, target.app),
    );
    return toCopyResult(app, target, wire);
  }

  async upgrade(
    team: TeamContext,
    app: RainbondAppRef,
    request: UpgradeApplicationRequest,
  ): Promise<UpgradeResult> {
    const account = accountFor(team, app);
    const wire = await this.client.upgrade(account, app, toUpgradeBody(request));
    return toUpgradeResult(app, wire);
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
        const apps = await this.client.listApps(account, region, nameContains);
        const ordered = [...apps].sort((a, b) => a.ID - b.ID);
        return {
          items: ordered.slice(offset, offset + limit).map((app) => fromAppBaseInfo(region, app)),
          total: ordered.length,
        };
      },
    }));
  }

  async get(team: TeamContext, app: ApplicationRef): Promise<Application> {
    const ref = app as RainbondAppRef;
    const account = accountFor(team, ref);
    const [info, components] = await Promise.all([
      this.client.getApp(account, ref),
      this.client.listComponents(account, ref),
    ]);
    return fromAppInfo(ref, info, components);
  }

  async upgradeOptions(team: TeamContext, app: RainbondAppRef): Promise<UpgradeResult> {
    return toUpgradeResult(app, await this.client.upgradeInfo(accountFor(team, app), app));
  }
}

/** The team's Rainbond account, provided the app lives in a region this team may use. */
export function accountFor(team: TeamContext, app: RainbondAppRef): RainbondTeamConfig {
  if (!team.rainbond) {
    throw new ProblemError(
      HttpStatus.NOT_FOUND,
      'provider-not-configured',
      'Provider not configured',
      `team ${team.key} has no Rainbond account`,
    );
  }
  if (!team.rainbond.regions.includes(app.region)) {
    // same answer as an unknown app: a region outside the team's config is not visible to it
    throw ProblemError.notFound(`application ${formatApplicationId(app)} not found`);
  }
  return team.rainbond;
}

/**
 * The copy runs with the source team's token on the source console, so the target must be a team
 * of that same Rainbond instance, in a region that team may use.
 */
function copyTargetAccount(source: RainbondTeamConfig, target: CopyTarget): RainbondTeamConfig {
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

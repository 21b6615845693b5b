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
import type { RainbondAccount } from './rainbond-account.schema';
import { RainbondClient } from './rainbond.client';
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

/** Rainbond's app operations and reads: check what config can tell before calling, map, call, map back. */
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

  constructor(private readonly client: RainbondClient) {}

  async install(
    team: TeamContext,
    app: RainbondAppRef,
    request: InstallApplicationRequest,
  ): Promise<Application> {
    const account = accountFor(team, app);
    const wire = await this.client.install(
      team,
      app,
      toInstallBody(request),
      toInstallQuery(request),
    );
    const read = await readAfterWrite(() => this.client.getApp(team, { ...app, appId: wire.ID }));
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
    await this.client.getApp(team, app);
    await this.checkCopyTarget(target);
    const wire = await this.client.copy(
      team,
      app,
      toCopyBody(request, targetAccount.teamName, target.app),
    );
    const read = await readAfterWrite(() => this.client.getApp(target.team, target.app));
    return fromAppCopy(readContext(target.team.key, targetAccount), target.app, wire, read);
  }

  /**
   * Rainbond would refuse a target app of another team only after the copy began; reading it with
   * the target team's account first makes that a 404 before anything is written.
   */
  private async checkCopyTarget(target: CopyTarget): Promise<void> {
    try {
      await this.client.getApp(target.team, target.app);
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
    const wire = await this.client.upgrade(team, app, toUpgradeBody(request));
    const read = await readAfterWrite(async () => {
      const [info, components] = await Promise.all([
        this.client.getApp(team, app),
        this.client.listComponents(team, app),
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
        const apps = await this.client.listApps(team, region, nameContains);
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
      this.client.getApp(team, app),
      this.client.listComponents(team, app),
    ]);
    return fromAppInfo(readContext(team.key, account), app, info, components);
  }

  async upgradeOptions(team: TeamContext, app: RainbondAppRef): Promise<UpgradeResult> {
    accountFor(team, app);
    return toUpgradeResult(app, await this.client.upgradeInfo(team, app));
  }
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

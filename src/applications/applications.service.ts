import { Inject, Injectable } from '@nestjs/common';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import {
  parseApplicationId,
  type ApplicationRef,
  type ProviderName,
  type RainbondAppRef,
} from './application-id';
import type { ApplicationProvider, PublishApplicationRequest } from './application-provider.port';
import { APPLICATION_PROVIDERS } from './applications.di-tokens';
import { ReadCache } from './reads/read-cache';
import type { CopyApplicationRequest } from './dto/copy-application.dto';
import type { InstallApplicationRequest } from './dto/install-application.dto';
import type { UpgradeApplicationRequest } from './dto/upgrade-application.dto';
import type { Application } from './models/application.model';

export type View = 'summary' | 'full';

type Operation = 'install' | 'copy' | 'upgrade';

/**
 * Routes each write to the provider named by the body or the application id, then drops the
 * team's cached reads (for a copy, the target team's too).
 */
@Injectable()
export class ApplicationsService {
  private readonly providers: ReadonlyMap<ProviderName, ApplicationProvider>;

  constructor(
    @Inject(APPLICATION_PROVIDERS) providers: ApplicationProvider[],
    private readonly readCache: ReadCache,
  ) {
    this.providers = new Map(providers.map((provider) => [provider.provider, provider]));
  }

  async publish(
    team: TeamContext,
    request: PublishApplicationRequest,
    view: View,
  ): Promise<Application> {
    const provider = this.providers.get(request.provider);
    if (!provider?.publish)
      throw ProblemError.invalidField('provider', 'cannot publish to this provider');
    const published = await provider.publish(team, request);
    this.readCache.invalidateTeam(team.key);
    return withView(published, view);
  }

  async install(
    team: TeamContext,
    id: string,
    request: InstallApplicationRequest,
    view: View,
  ): Promise<Application> {
    const { provider, app } = this.rainbondOperation(id, 'install');
    const installed = await provider.install!(team, app, request);
    this.readCache.invalidateTeam(team.key);
    return withView(installed, view);
  }

  async copy(
    team: TeamContext,
    id: string,
    targetTeam: TeamContext,
    request: CopyApplicationRequest,
    view: View,
  ): Promise<Application> {
    const { provider, app } = this.rainbondOperation(id, 'copy');
    const targetApp = parseApplicationId(
      request.target.applicationId,
      'target.applicationId',
    ) as RainbondAppRef;
    const copied = await provider.copy!(team, app, { team: targetTeam, app: targetApp }, request);
    this.readCache.invalidateTeam(team.key);
    this.readCache.invalidateTeam(targetTeam.key);
    return withView(copied, view);
  }

  async upgrade(
    team: TeamContext,
    id: string,
    request: UpgradeApplicationRequest,
    view: View,
  ): Promise<Application> {
    const { provider, app } = this.rainbondOperation(id, 'upgrade');
    const upgraded = await provider.upgrade!(team, app, request);
    this.readCache.invalidateTeam(team.key);
    return withView(upgraded, view);
  }

  /** The three app operations exist only on Rainbond; any other id is a 400 on `id`. */
  private rainbondOperation(
    id: string,
    operation: Operation,
  ): { provider: ApplicationProvider; app: RainbondAppRef } {
    const ref: ApplicationRef = parseApplicationId(id);
    const provider = this.providers.get(ref.provider);
    if (ref.provider !== 'rainbond' || !provider?.[operation]) {
      throw ProblemError.invalidField(
        'id',
        `${operation} applies to Rainbond applications (rainbond:{region}:{appId}) only`,
      );
    }
    return { provider, app: ref };
  }
}

/** The result without the upstream body unless `view=full`. */
export function withView<T extends { raw?: unknown }>(result: T, view: View): T {
  if (view === 'full') return result;
  const { raw, ...summary } = result;
  return summary as T;
}

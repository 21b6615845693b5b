import type { TeamContext } from '../teams/team-context';
import type { RainbondAppRef } from '../rainbond/rainbond.provider';
import type { ApplicationRef, ProviderName } from './application-id';
import type { CopyApplicationRequest } from './dto/copy-application.dto';
import type { InstallApplicationRequest } from './dto/install-application.dto';
import type { UpgradeApplicationRequest } from './dto/upgrade-application.dto';
import type { Application } from './models/application.model';
import type { Catalog } from './models/catalog.model';
import type { UpgradeResult } from './models/upgrade-option.model';

/*
 * What ApplicationsService and the reads need from a platform, one port per capability. A provider
 * implements each port it registers fully (provider-registration.ts). Results always carry `raw`
 * (the upstream body); the use cases drop it unless `?view=full`.
 */

/** A publish body: every provider's DTO names its provider, which is how a body is dispatched. */
export interface PublishRequest {
  provider: ProviderName;
}

export interface ApplicationPublisher<R extends PublishRequest> {
  publish(team: TeamContext, request: R): Promise<Application>;
}

/** The copy target after the team guard resolved it: a team the caller may use, and its app. */
export interface CopyTarget {
  team: TeamContext;
  app: RainbondAppRef;
}

export interface AppInstaller<A extends ApplicationRef> {
  install(team: TeamContext, app: A, request: InstallApplicationRequest): Promise<Application>;
}

export interface AppCopier<A extends ApplicationRef> {
  copy(
    team: TeamContext,
    app: A,
    target: CopyTarget,
    request: CopyApplicationRequest,
  ): Promise<Application>;
}

export interface AppUpgrader<A extends ApplicationRef> {
  upgrade(team: TeamContext, app: A, request: UpgradeApplicationRequest): Promise<Application>;
}

/** A slice of one source's applications, in that source's stable order. */
export interface SourcePage {
  items: Application[];
  /** How many applications the source holds for this query. */
  total: number;
}

/**
 * One ordered list of a team's applications: a Rainbond region, the App Center, the warehouse.
 * The merged list is the sources one after the other, each in its own stable order.
 */
export interface ApplicationSource {
  /** Unique within a team, e.g. `rainbond:region-1`; names the source in a partial answer. */
  readonly name: string;
  readonly provider: ProviderName;
  page(offset: number, limit: number, nameContains?: string): Promise<SourcePage>;
}

/** Every provider reads its applications. */
export interface ApplicationReader<A extends ApplicationRef> {
  /** The team's application lists on this platform (none when the team has no account there). */
  sources(team: TeamContext): ApplicationSource[];
  /** One application; a 404 problem when the team cannot see it. */
  get(team: TeamContext, app: A): Promise<Application>;
}

export interface UpgradeOptionsReader<A extends ApplicationRef> {
  /** The versions `upgrade` accepts for each app model installed in the app. */
  upgradeOptions(team: TeamContext, app: A): Promise<UpgradeResult>;
}

export interface CatalogReader {
  /** What a publish form may offer as catalog or category. */
  catalogs(team: TeamContext): Promise<Catalog[]>;
}

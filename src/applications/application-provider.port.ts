import type { TeamContext } from '../teams/team-context';
import type { ApplicationRef, ProviderName, RainbondAppRef } from './application-id';
import type { CopyApplicationRequest } from './dto/copy-application.dto';
import type { InstallApplicationRequest } from './dto/install-application.dto';
import type { PublishAppCenterRequest } from './dto/publish-app-center.dto';
import type { PublishAppWarehouseRequest } from './dto/publish-app-warehouse.dto';
import type { UpgradeApplicationRequest } from './dto/upgrade-application.dto';
import type { Application } from './models/application.model';
import type { Catalog } from './models/catalog.model';
import type { UpgradeResult } from './models/upgrade-option.model';

export type PublishApplicationRequest = PublishAppCenterRequest | PublishAppWarehouseRequest;

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

/** The copy target after the team guard resolved it: a team the caller may use, and its app. */
export interface CopyTarget {
  team: TeamContext;
  app: RainbondAppRef;
}

/**
 * What ApplicationsService needs from a platform. A provider implements the operations its platform
 * has; asking a provider for one it lacks is a 400 on the application id.
 * Results always carry `raw` (the upstream body); the service drops it unless `?view=full`.
 */
export interface ApplicationProvider {
  readonly provider: ProviderName;
  publish?(team: TeamContext, request: PublishApplicationRequest): Promise<Application>;
  install?(
    team: TeamContext,
    app: RainbondAppRef,
    request: InstallApplicationRequest,
  ): Promise<Application>;
  copy?(
    team: TeamContext,
    app: RainbondAppRef,
    target: CopyTarget,
    request: CopyApplicationRequest,
  ): Promise<Application>;
  upgrade?(
    team: TeamContext,
    app: RainbondAppRef,
    request: UpgradeApplicationRequest,
  ): Promise<Application>;

  // ---- reads ----
  /** The team's application lists on this platform (none when the team has no account there). */
  sources?(team: TeamContext): ApplicationSource[];
  /** One application; a 404 problem when the team cannot see it. */
  get?(team: TeamContext, app: ApplicationRef): Promise<Application>;
  /** The versions `upgrade` accepts for each app model installed in the app. */
  upgradeOptions?(team: TeamContext, app: RainbondAppRef): Promise<UpgradeResult>;
  /** What a publish form may offer as catalog or category. */
  catalogs?(team: TeamContext): Promise<Catalog[]>;
}

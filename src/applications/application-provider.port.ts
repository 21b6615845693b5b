import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import type { RainbondAppRef } from '../rainbond/rainbond.provider';
import { PROVIDERS, type ApplicationRef, type ProviderName } from './application-id';
import type { CopyApplicationRequest } from './dto/copy-application.dto';
import type { InstallApplicationRequest } from './dto/install-application.dto';
import type { UpgradeApplicationRequest } from './dto/upgrade-application.dto';
import type { Application } from './models/application.model';
import type { ApplicationProgress } from '../progress/progress.model';
import type { Catalog } from './models/catalog.model';
import type { UpgradeResult } from './models/upgrade-option.model';
import type { ProviderRegistration, PublishRoute } from './provider-registration';

/*
 * What ApplicationsService and the reads need from a platform, one port per capability, and the
 * registry that picks the provider a request goes to (at the end of this file). A provider
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

/** Where an application's long-running upstream work stands (`…/status`, `…/events`). */
export interface AppProgressReader<A extends ApplicationRef> {
  progress(team: TeamContext, app: A): Promise<ApplicationProgress>;
}

export interface CatalogReader {
  /** What a publish form may offer as catalog or category. */
  catalogs(team: TeamContext): Promise<Catalog[]>;
}

/* The dispatch: which registered provider's port a request goes to. */

type WriteCapability = 'installer' | 'copier' | 'upgrader';
const OPERATION_OF: Readonly<Record<WriteCapability, string>> = {
  installer: 'install',
  copier: 'copy',
  upgrader: 'upgrade',
};

export interface CatalogSource {
  readonly provider: ProviderName;
  readonly catalog: CatalogReader;
}

/**
 * The registered providers, and the one place a request is dispatched to one of them: by the
 * `provider` of a publish body or by the provider an application id names. A provider without the
 * capability asked for is a 400 on that field, before any upstream call.
 */
export class ProviderRegistry {
  /** In the order of PROVIDERS, which is also the order of the merged list. */
  private readonly registrations: readonly ProviderRegistration[];
  private readonly byName: ReadonlyMap<ProviderName, ProviderRegistration>;

  constructor(registrations: readonly ProviderRegistration[]) {
    this.registrations = [...registrations].sort(
      (a, b) => PROVIDERS.indexOf(a.provider) - PROVIDERS.indexOf(b.provider),
    );
    this.byName = new Map(this.registrations.map((entry) => [entry.provider, entry]));
  }

  /** The publish route a body's `provider` names (the body is not validated yet). */
  publishRoute(provider: unknown): PublishRoute {
    const route =
      typeof provider === 'string' ? this.byName.get(provider as ProviderName)?.publish : undefined;
    if (!route) {
      const names = this.registrations
        .filter((entry) => entry.publish)
        .map((entry) => entry.provider);
      throw ProblemError.invalidField('provider', `must be one of ${names.join(', ')}`);
    }
    return route;
  }

  installer(app: ApplicationRef): AppInstaller<ApplicationRef> {
    return this.writer(app, 'installer');
  }

  copier(app: ApplicationRef): AppCopier<ApplicationRef> {
    return this.writer(app, 'copier');
  }

  upgrader(app: ApplicationRef): AppUpgrader<ApplicationRef> {
    return this.writer(app, 'upgrader');
  }

  reader(app: ApplicationRef): ApplicationReader<ApplicationRef> {
    const registration = this.byName.get(app.provider);
    if (!registration) throw noSuch(app, 'details');
    return registration.reader;
  }

  upgradeOptionsReader(app: ApplicationRef): UpgradeOptionsReader<ApplicationRef> {
    const reader = this.byName.get(app.provider)?.upgradeOptions;
    if (!reader) throw noSuch(app, 'upgrade options');
    return reader;
  }

  progressReader(app: ApplicationRef): AppProgressReader<ApplicationRef> {
    const reader = this.byName.get(app.provider)?.progress;
    if (!reader) throw noSuch(app, 'progress');
    return reader;
  }

  /** Every provider's reader (or only `provider`'s), in merge order. */
  readers(provider?: ProviderName): ApplicationReader<ApplicationRef>[] {
    return this.registrations
      .filter((entry) => !provider || entry.provider === provider)
      .map((entry) => entry.reader);
  }

  /** The catalogs of the providers the team has an account on. */
  catalogsFor(team: TeamContext): CatalogSource[] {
    return this.registrations.flatMap((entry) =>
      entry.catalog && entry.reader.sources(team).length > 0
        ? [{ provider: entry.provider, catalog: entry.catalog }]
        : [],
    );
  }

  private writer<K extends WriteCapability>(
    app: ApplicationRef,
    capability: K,
  ): NonNullable<ProviderRegistration[K]> {
    const port = this.byName.get(app.provider)?.[capability];
    if (port) return port;
    const able = this.registrations.filter((entry) => entry[capability]).map((entry) => entry.ids);
    throw ProblemError.invalidField(
      'id',
      `${OPERATION_OF[capability]} applies to ${able.join(' or ')} only`,
    );
  }
}

function noSuch(app: ApplicationRef, what: string): ProblemError {
  return ProblemError.invalidField('id', `${app.provider} applications have no ${what}`);
}

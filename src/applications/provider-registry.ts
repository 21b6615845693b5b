import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import { PROVIDERS, type ApplicationRef, type ProviderName } from './application-id';
import type {
  AppCopier,
  AppInstaller,
  ApplicationReader,
  AppUpgrader,
  CatalogReader,
  UpgradeOptionsReader,
} from './application-provider.port';
import type { ProviderRegistration, PublishRoute } from './provider-registration';

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

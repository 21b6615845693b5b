import type { Type } from '@nestjs/common';
import { ProblemError } from '../common/problem';
import type { TeamContext } from '../teams/team-context';
import type { ApplicationRef, ProviderName } from './application-id';
import type {
  AppCopier,
  AppProgressReader,
  AppInstaller,
  ApplicationPublisher,
  ApplicationReader,
  AppUpgrader,
  CatalogReader,
  PublishRequest,
  UpgradeOptionsReader,
} from './application-provider.port';

/** The ids of provider `P`. */
type RefOf<P extends ProviderName> = ApplicationRef & { provider: P };

/** A publish body's DTO class (whitelisted on its own) and the publisher that takes it. */
export interface PublishRoute {
  readonly requestClass: Type<PublishRequest>;
  readonly publisher: ApplicationPublisher<PublishRequest>;
}

/** Pairs a DTO class with the publisher of exactly that request type. */
export function publishRoute<R extends PublishRequest>(
  requestClass: Type<R>,
  publisher: ApplicationPublisher<R>,
): PublishRoute {
  return { requestClass, publisher };
}

/**
 * What one provider brings to the applications API: the capabilities it has, each a port it
 * implements fully. A capability left out is one the provider's platform does not have.
 */
export interface ProviderRegistration<P extends ProviderName = ProviderName> {
  readonly provider: P;
  /** Its ids as a 400 names them, e.g. `Rainbond applications (rainbond:{region}:{appId})`. */
  readonly ids: string;
  readonly reader: ApplicationReader<RefOf<P>>;
  readonly publish?: PublishRoute;
  readonly installer?: AppInstaller<RefOf<P>>;
  readonly copier?: AppCopier<RefOf<P>>;
  readonly upgrader?: AppUpgrader<RefOf<P>>;
  readonly upgradeOptions?: UpgradeOptionsReader<RefOf<P>>;
  readonly progress?: AppProgressReader<RefOf<P>>;
  readonly catalog?: CatalogReader;
}

/** The team's account on a platform, or the 404 every provider answers when the team has none. */
export function configuredAccount<A>(
  team: TeamContext,
  account: A | undefined,
  platform: string,
): A {
  if (account === undefined) {
    throw ProblemError.of('provider-not-configured', `team ${team.key} has no ${platform} account`);
  }
  return account;
}

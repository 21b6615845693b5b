import type { TeamContext } from '../teams/team-context';
import type { ProviderName, RainbondAppRef } from './application-id';
import type { CopyApplicationRequest } from './dto/copy-application.dto';
import type { InstallApplicationRequest } from './dto/install-application.dto';
import type { PublishAppCenterRequest } from './dto/publish-app-center.dto';
import type { PublishAppWarehouseRequest } from './dto/publish-app-warehouse.dto';
import type { UpgradeApplicationRequest } from './dto/upgrade-application.dto';
import type { Application } from './models/application.model';
import type { CopyResult } from './models/copy-result.model';
import type { UpgradeResult } from './models/upgrade-option.model';

export type PublishApplicationRequest = PublishAppCenterRequest | PublishAppWarehouseRequest;

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
  ): Promise<CopyResult>;
  upgrade?(
    team: TeamContext,
    app: RainbondAppRef,
    request: UpgradeApplicationRequest,
  ): Promise<UpgradeResult>;
}

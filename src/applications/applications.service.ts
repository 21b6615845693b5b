import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { createValidationPipe } from '../common/validation';
import type { TeamContext } from '../teams/team-context';
import { parseApplicationId } from './application-id';
import {
  ProviderRegistry,
  type ApplicationPublisher,
  type CopyTarget,
  type PublishRequest,
} from './application-provider.port';
import { ReadCache } from './reads/read-cache';
import type { CopyApplicationRequest } from './dto/copy-application.dto';
import type { InstallApplicationRequest } from './dto/install-application.dto';
import type { UpgradeApplicationRequest } from './dto/upgrade-application.dto';
import type { Application } from './models/application.model';

export type View = 'summary' | 'full';

/** A validated publish body with the publisher its `provider` named (PublishApplicationPipe). */
export interface PublishCommand {
  readonly publisher: ApplicationPublisher<PublishRequest>;
  readonly request: PublishRequest;
}

/**
 * The publish body is one of several shapes, chosen by `provider`: the one dispatch of a publish.
 * Picking the class first lets each shape be whitelisted on its own: an App Warehouse field in an
 * App Center request is rejected.
 */
@Injectable()
export class PublishApplicationPipe implements PipeTransform<unknown, Promise<PublishCommand>> {
  private readonly validation = createValidationPipe();

  constructor(private readonly registry: ProviderRegistry) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<PublishCommand> {
    const route = this.registry.publishRoute((value as { provider?: unknown } | null)?.provider);
    const request = (await this.validation.transform(value, {
      ...metadata,
      metatype: route.requestClass,
    })) as PublishCommand['request'];
    return { publisher: route.publisher, request };
  }
}

/**
 * The write use cases: each goes to the provider the body or the application id names (dispatched
 * once, by the registry), then drops the team's cached reads (for a copy, the target team's too).
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly readCache: ReadCache,
  ) {}

  async publish(team: TeamContext, command: PublishCommand, view: View): Promise<Application> {
    const published = await command.publisher.publish(team, command.request);
    this.readCache.invalidateTeam(team.key);
    return withView(published, view);
  }

  async install(
    team: TeamContext,
    id: string,
    request: InstallApplicationRequest,
    view: View,
  ): Promise<Application> {
    const app = parseApplicationId(id);
    const installed = await this.registry.installer(app).install(team, app, request);
    this.readCache.invalidateTeam(team.key);
    return withView(installed, view);
  }

  async copy(
    team: TeamContext,
    id: string,
    target: CopyTarget,
    request: CopyApplicationRequest,
    view: View,
  ): Promise<Application> {
    const app = parseApplicationId(id);
    const copied = await this.registry.copier(app).copy(team, app, target, request);
    this.readCache.invalidateTeam(team.key);
    this.readCache.invalidateTeam(target.team.key);
    return withView(copied, view);
  }

  async upgrade(
    team: TeamContext,
    id: string,
    request: UpgradeApplicationRequest,
    view: View,
  ): Promise<Application> {
    const app = parseApplicationId(id);
    const upgraded = await this.registry.upgrader(app).upgrade(team, app, request);
    this.readCache.invalidateTeam(team.key);
    return withView(upgraded, view);
  }
}

/** The result without the upstream body unless `view=full`. */
export function withView<T extends { raw?: unknown }>(result: T, view: View): T {
  if (view === 'full') return result;
  const { raw, ...summary } = result;
  return summary as T;
}

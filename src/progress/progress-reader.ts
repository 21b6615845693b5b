import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationRef } from '../applications/application-id';
import { ProviderRegistry } from '../applications/application-provider.port';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { accountFor, RainbondAdapter } from '../rainbond/rainbond.adapter';
import type { RainbondAppRef } from '../rainbond/rainbond.provider';
import { toRainbondProgress } from '../rainbond/rainbond-progress.mapper';
import type { ServiceEvent } from '../rainbond/rainbond.wire';
import type { TeamContext } from '../teams/team-context';
import { fromWorkspaceApplication } from '../workspace/workspace-progress.mapper';
import type { ApplicationProgress } from './progress.model';

/**
 * One read of an application's progress, through the same clients (and so the same upstream
 * pipeline: limits, breaker, metrics) as every other call. Rainbond: the app, its components and
 * each component's latest events; Workspace: the application as its provider reads it.
 */
@Injectable()
export class ProgressReader {
  private readonly eventsPerComponent: number;

  constructor(
    private readonly rainbond: RainbondAdapter,
    private readonly providers: ProviderRegistry,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.eventsPerComponent = config.progress.eventsPerComponent;
  }

  read(team: TeamContext, app: ApplicationRef): Promise<ApplicationProgress> {
    return app.provider === 'rainbond'
      ? this.readRainbond(team, app)
      : this.readWorkspace(team, app);
  }

  private async readRainbond(team: TeamContext, app: RainbondAppRef): Promise<ApplicationProgress> {
    const account = accountFor(team, app);
    const [info, components] = await Promise.all([
      this.rainbond.getApp(team, app),
      this.rainbond.listComponents(team, app),
    ]);
    const events = new Map<string, ServiceEvent[]>();
    if (this.eventsPerComponent > 0) {
      const pages = await Promise.all(
        components.map((component) =>
          this.rainbond.listComponentEvents(
            team,
            app,
            component.service_id,
            this.eventsPerComponent,
          ),
        ),
      );
      components.forEach((component, i) =>
        events.set(component.service_id, pages[i].events.slice(0, this.eventsPerComponent)),
      );
    }
    return toRainbondProgress(
      app,
      info,
      components,
      (serviceId) => events.get(serviceId) ?? [],
      new Date().toISOString(),
      account.timeZone,
    );
  }

  private async readWorkspace(
    team: TeamContext,
    app: ApplicationRef,
  ): Promise<ApplicationProgress> {
    const found = await this.providers.reader(app).get(team, app);
    return fromWorkspaceApplication(app, found, new Date().toISOString());
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { AppProgressReader } from '../applications/application-provider.port';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import type { ApplicationProgress } from '../progress/progress.model';
import type { TeamContext } from '../teams/team-context';
import { accountFor, RainbondAdapter } from './rainbond.adapter';
import type { RainbondAppRef } from './rainbond.provider';
import { toRainbondProgress } from './rainbond-progress.mapper';
import type { ServiceEvent } from './rainbond.wire';

/**
 * One read of a Rainbond app's progress, through the adapter (and so the same upstream pipeline:
 * limits, breaker, metrics) as every other call: the app, its components and each component's
 * latest events.
 */
@Injectable()
export class RainbondProgressReader implements AppProgressReader<RainbondAppRef> {
  private readonly eventsPerComponent: number;

  constructor(
    private readonly rainbond: RainbondAdapter,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.eventsPerComponent = config.progress.eventsPerComponent;
  }

  async progress(team: TeamContext, app: RainbondAppRef): Promise<ApplicationProgress> {
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
}

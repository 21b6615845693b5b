import type { RainbondAppRef } from './rainbond.provider';
import { formatApplicationId } from '../applications/application-id';
import type { AppInfo, ServiceBaseInfo, ServiceEvent } from './rainbond.wire';
import type {
  ApplicationProgress,
  ComponentEvent,
  ComponentProgress,
  ComponentState,
} from '../progress/progress.model';
import { toOptionalUtcTimestamp } from '../common/upstream-time';

/**
 * Region component states (rainbond worker/appm/types/v1/status.go, plus the console's own) in the
 * gateway's enum. `undeploy` (installed without a deploy) is stopped: nothing moves until a deploy.
 */
const STATE_OF: Readonly<Record<string, ComponentState>> = {
  creating: 'pending',
  building: 'building',
  starting: 'starting',
  deploying: 'starting',
  upgrade: 'starting',
  running: 'running',
  succeeded: 'running',
  closed: 'stopped',
  stopping: 'stopped',
  paused: 'stopped',
  undeploy: 'stopped',
  build_failure: 'failed',
  abnormal: 'failed',
  some_abnormal: 'failed',
  failure: 'failed',
};

/** Upstream values that name a state on its way to another. */
const MOVING = new Set(['creating', 'building', 'starting', 'deploying', 'upgrade', 'stopping']);

export function componentState(component: Pick<ServiceBaseInfo, 'status' | 'create_status'>): {
  state: ComponentState;
  moving: boolean;
} {
  const status = component.status ?? '';
  if (!status && component.create_status === 'creating') return { state: 'pending', moving: true };
  return { state: STATE_OF[status] ?? 'unknown', moving: MOVING.has(status) };
}

/** `timeZone`: the Rainbond installation's, in which it writes its naive times (research §3). */
export function toComponentEvent(event: ServiceEvent, timeZone: string): ComponentEvent {
  const time = (field: 'StartTime' | 'EndTime') =>
    toOptionalUtcTimestamp(event[field], {
      provider: 'rainbond',
      field: `events.${field}`,
      timeZone,
    });
  return {
    id: event.EventID,
    kind: event.OptType || 'unknown',
    status: event.Status || undefined,
    finished: event.FinalStatus === 'complete',
    message: event.Message || undefined,
    startedAt: time('StartTime'),
    endedAt: time('EndTime'),
  };
}

/** The app, its components and each component's latest events, as one progress record. */
export function toRainbondProgress(
  app: RainbondAppRef,
  info: AppInfo,
  components: ServiceBaseInfo[],
  eventsOf: (serviceId: string) => ServiceEvent[],
  observedAt: string,
  timeZone: string,
): ApplicationProgress {
  let moving = false;
  const items: ComponentProgress[] = components.map((component) => {
    const normalized = componentState(component);
    moving ||= normalized.moving;
    return {
      id: component.service_id,
      name: component.service_cname || undefined,
      state: normalized.state,
      upstreamStatus: component.status ?? '',
      createStatus: component.create_status || undefined,
      events: eventsOf(component.service_id).map((event) => toComponentEvent(event, timeZone)),
    };
  });
  const count = (state: ComponentState) => items.filter((item) => item.state === state).length;
  return {
    applicationId: formatApplicationId(app),
    provider: 'rainbond',
    settled: !moving,
    observedAt,
    rainbond: {
      appStatus: info.status || undefined,
      counts: { total: items.length, running: count('running'), failed: count('failed') },
      components: items,
    },
  };
}

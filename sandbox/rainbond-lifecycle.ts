import { randomBytes } from 'node:crypto';

/** How simulated Rainbond work moves; `stepMs` 0 finishes it at once (the default of tests). */
export interface LifecycleSettings {
  /** Length of each phase (creating, building, starting; an upgrade's build and rollout). */
  stepMs: number;
  /** `service_cname`s whose builds fail (the component ends in `build_failure`). */
  failingBuilds: readonly string[];
}

export const INSTANT_LIFECYCLE: LifecycleSettings = { stepMs: 0, failingBuilds: [] };

/** One event of `ListServiceEventsResponse`, keys as the region spells them. */
export interface WireServiceEvent {
  ID: number;
  EventID: string;
  UserName: string;
  StartTime: string;
  EndTime: string;
  Target: string;
  TargetID: string;
  OptType: string;
  ServiceID: string;
  Status: string;
  FinalStatus: string;
  SynType: number;
  Message: string;
  RequestBody: string;
  TenantID: string;
  create_time: string;
}

interface Step {
  kind: string;
  /** Offsets from the start of the run, in steps. */
  from: number;
  to: number;
  fails: boolean;
  message: string;
  failure?: string;
  eventId: string;
  number: number;
}

interface Run {
  startedAt: number;
  steps: Step[];
  /** Status while each step runs, then after the last one. */
  statuses: string[];
  final: string;
}

/**
 * The runtime life of one simulated component, computed from the clock (no timers): a deploy moves
 * creating → building → starting → running (or building → build_failure), an upgrade building →
 * upgrade → running; each operation is an event that turns `complete` when its phase ends.
 */
export class ComponentLifecycle {
  private readonly runs: Run[] = [];
  private nextEventNumber = 1;

  constructor(
    private readonly cname: string,
    private readonly settings: LifecycleSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  deploy(): void {
    const fails = this.settings.failingBuilds.includes(this.cname);
    const build = this.step('build-service', 0, 2, fails, 'build the component image');
    build.failure = 'build failed: the image build exited with code 1';
    this.runs.push({
      startedAt: this.clock(),
      steps: fails
        ? [build]
        : [build, this.step('start-service', 2, 3, false, 'start the component')],
      statuses: ['creating', 'building', 'starting'],
      final: fails ? 'build_failure' : 'running',
    });
  }

  upgrade(): void {
    this.runs.push({
      startedAt: this.clock(),
      steps: [this.step('upgrade', 0, 2, false, 'rolling upgrade to the new version')],
      statuses: ['building', 'upgrade'],
      final: 'running',
    });
  }

  /** `status` now: `undeploy` until a deploy was asked for. */
  status(): string {
    const run = this.runs.at(-1);
    if (!run) return 'undeploy';
    const step = this.elapsedSteps(run);
    return step < run.statuses.length ? run.statuses[Math.floor(step)] : run.final;
  }

  /** Events that have begun, newest first. */
  events(serviceId: string, tenantId: string): WireServiceEvent[] {
    return this.runs
      .flatMap((run) =>
        run.steps
          .filter((step) => this.elapsedSteps(run) >= step.from)
          .map((step) => this.wireEvent(run, step, serviceId, tenantId)),
      )
      .reverse();
  }

  private step(kind: string, from: number, to: number, fails: boolean, message: string): Step {
    const eventId = randomBytes(16).toString('hex');
    return { kind, from, to, fails, message, eventId, number: this.nextEventNumber++ };
  }

  /** Steps elapsed since the run began; everything is over at once when `stepMs` is 0. */
  private elapsedSteps(run: Run): number {
    if (this.settings.stepMs <= 0) return Number.POSITIVE_INFINITY;
    return (this.clock() - run.startedAt) / this.settings.stepMs;
  }

  private wireEvent(run: Run, step: Step, serviceId: string, tenantId: string): WireServiceEvent {
    const done = this.elapsedSteps(run) >= step.to;
    const at = (steps: number) =>
      rainbondTime(new Date(run.startedAt + steps * this.settings.stepMs));
    return {
      ID: step.number,
      EventID: step.eventId,
      UserName: 'sandbox',
      StartTime: at(step.from),
      EndTime: done ? at(step.to) : '',
      Target: 'service',
      TargetID: serviceId,
      OptType: step.kind,
      ServiceID: serviceId,
      Status: done ? (step.fails ? 'failure' : 'success') : '',
      FinalStatus: done ? 'complete' : '',
      SynType: 0,
      Message: done && step.fails ? step.failure! : step.message,
      RequestBody: '',
      TenantID: tenantId,
      create_time: at(step.from),
    };
  }
}

/** DRF datetimes here are naive Asia/Shanghai with microseconds: 2022-06-01T13:52:13.407637. */
export function rainbondTime(date = new Date()): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().replace(/Z$/, '000');
}

import { ProviderRegistry } from '../applications/application-provider.port';
import { createHash } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { formatApplicationId, type ApplicationRef } from '../applications/application-id';
import { ProblemError, type ProblemSlug } from '../common/problem';
import { toProblem } from '../common/problem-mapping';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig, ProgressConfig } from '../config/gateway-config.schema';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import type { TeamContext } from '../teams/team-context';
import type { ApplicationProgress } from './progress.model';
import { PROGRESS_BUS } from './progress.di-tokens';
import type { BusMessage, GoneProblem, ProgressBus, Snapshot } from './progress-bus';

export type Listener = (snapshot: Snapshot) => void;

/** A watcher's hold on an application; `first` is its first snapshot (or the 404 of a missing app). */
export interface Subscription {
  first: Promise<Snapshot>;
  close(): void;
}

interface Topic {
  key: string;
  team: TeamContext;
  app: ApplicationRef;
  listeners: Set<Listener>;
  waiting: Set<{ resolve: (s: Snapshot) => void; reject: (e: Error) => void }>;
  latest?: Snapshot;
  failingSince?: string;
  /** Cuts the current wait short (the last listener left, or shutdown). */
  wake(): void;
}

/**
 * One poller per watched application, whatever the number of watchers: it starts with the first,
 * reads at an interval that doubles while nothing changes, and stops when the last one leaves or the
 * work settled. With Redis only the replica holding the lease polls; the others relay.
 */
@Injectable()
export class ProgressHub implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ProgressHub.name);
  private readonly topics = new Map<string, Topic>();
  private readonly settings: ProgressConfig;
  private readonly loops = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly providers: ProviderRegistry,
    @Inject(PROGRESS_BUS) private readonly bus: ProgressBus,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.settings = config.progress;
  }

  subscribe(team: TeamContext, app: ApplicationRef, listener: Listener): Subscription {
    const key = `${team.key}|${formatApplicationId(app)}`;
    let topic = this.topics.get(key);
    if (!topic) {
      topic = this.open(key, team, app);
      this.topics.set(key, topic);
      this.start(topic);
    }
    const joined = topic;
    joined.listeners.add(listener);
    if (joined.latest) listener(joined.latest);
    const first = joined.latest
      ? Promise.resolve(joined.latest)
      : new Promise<Snapshot>((resolve, reject) => joined.waiting.add({ resolve, reject }));
    return {
      first,
      close: () => {
        joined.listeners.delete(listener);
        if (joined.listeners.size === 0) joined.wake();
      },
    };
  }

  /** Stops every poller and gives its lease back before Redis closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const topic of this.topics.values()) topic.wake();
    await Promise.all(this.loops);
    await this.bus.close();
  }

  private start(topic: Topic): void {
    const loop = this.run(topic).finally(() => this.loops.delete(loop));
    this.loops.add(loop);
  }

  private open(key: string, team: TeamContext, app: ApplicationRef): Topic {
    const topic: Topic = {
      key,
      team,
      app,
      listeners: new Set(),
      waiting: new Set(),
      wake: () => undefined,
    };
    void this.bus
      .join(key, (message) => this.receive(topic, message))
      .then((latest) => latest && !topic.latest && this.deliver(topic, latest))
      .catch((error: Error) => this.logger.warn(`progress relay unavailable: ${error.message}`));
    return topic;
  }

  private async run(topic: Topic): Promise<void> {
    let interval = this.settings.pollIntervalMs;
    let nextPoll = 0;
    let leading = false;
    try {
      while (topic.listeners.size > 0 && !this.closing) {
        const lead = await this.bus.lead(topic.key).catch(() => false);
        if (lead !== leading) this.metrics.changeProgressPollers(lead ? 1 : -1);
        leading = lead;
        if (leading && Date.now() >= nextPoll) {
          const changed = await this.poll(topic);
          interval = changed
            ? this.settings.pollIntervalMs
            : Math.min(interval * 2, this.settings.maxPollIntervalMs);
          nextPoll = Date.now() + interval;
          if (topic.latest?.progress.settled || topic.listeners.size === 0) break;
        }
        const wait = leading
          ? Math.min(nextPoll - Date.now(), this.bus.renewEveryMs)
          : this.bus.renewEveryMs;
        await this.sleep(topic, wait);
      }
    } finally {
      if (leading) {
        this.metrics.changeProgressPollers(-1);
        await this.bus.resign(topic.key).catch(() => undefined);
      }
      await this.bus.leave(topic.key).catch(() => undefined);
      if (this.topics.get(topic.key) === topic) this.topics.delete(topic.key);
      // a watcher that joined while the loop was ending starts a fresh one
      if (topic.listeners.size > 0 && !this.closing && !topic.latest?.progress.settled) {
        this.topics.set(topic.key, topic);
        this.start(topic);
      }
    }
  }

  /** One read; true when the state changed. A failed read marks the state degraded. */
  private async poll(topic: Topic): Promise<boolean> {
    let progress: ApplicationProgress;
    try {
      progress = await this.providers.progressReader(topic.app).progress(topic.team, topic.app);
      topic.failingSince = undefined;
    } catch (error) {
      const { problem } = toProblem(error);
      // every rendered type is a catalogued slug under PROBLEM_TYPE_BASE
      const slug = problem.type.slice(problem.type.lastIndexOf('/') + 1) as ProblemSlug;
      if (!topic.latest && problem.status >= 400 && problem.status < 500) {
        const gone = { status: problem.status, slug, title: problem.title, detail: problem.detail };
        this.receive(topic, { gone });
        await this.bus.publish(topic.key, { gone }).catch(() => undefined);
        return false;
      }
      topic.failingSince ??= new Date().toISOString();
      progress = {
        ...(topic.latest?.progress ?? {
          applicationId: formatApplicationId(topic.app),
          provider: topic.app.provider,
          settled: false,
        }),
        observedAt: new Date().toISOString(),
        degraded: { reason: slug, detail: problem.detail, since: topic.failingSince },
      };
    }
    const snapshot = { id: stateId(progress), progress };
    const changed = snapshot.id !== topic.latest?.id;
    if (changed) this.deliver(topic, snapshot);
    else topic.latest = snapshot;
    await this.bus.publish(topic.key, { snapshot }).catch(() => undefined);
    return changed;
  }

  private receive(topic: Topic, message: BusMessage): void {
    if ('gone' in message) {
      const error = goneError(message.gone);
      for (const waiter of topic.waiting) waiter.reject(error);
      topic.waiting.clear();
      topic.wake();
      return;
    }
    if (message.snapshot.id !== topic.latest?.id) this.deliver(topic, message.snapshot);
    else topic.latest = message.snapshot;
    if (message.snapshot.progress.settled) topic.wake();
  }

  private deliver(topic: Topic, snapshot: Snapshot): void {
    topic.latest = snapshot;
    for (const waiter of topic.waiting) waiter.resolve(snapshot);
    topic.waiting.clear();
    for (const listener of [...topic.listeners]) listener(snapshot);
  }

  private sleep(topic: Topic, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        topic.wake = () => undefined;
        resolve();
      }
      topic.wake = done;
    });
  }
}

/** Same state, same id: the digest of everything but the times of the read itself. */
export function stateId(progress: ApplicationProgress): string {
  const { observedAt: _observedAt, degraded, ...state } = progress;
  const stable = { ...state, degraded: degraded && { reason: degraded.reason } };
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 22);
}

function goneError(gone: GoneProblem): ProblemError {
  return new ProblemError(gone.status, gone.slug, gone.title, gone.detail);
}

import type { ApplicationProgress } from './progress.model';
import type { ProblemSlug } from '../common/problem';

/** One state of an application as watchers see it; `id` changes exactly when the state does. */
export interface Snapshot {
  id: string;
  progress: ApplicationProgress;
}

/** The problem a first read answered that no retry will change (the application does not exist). */
export interface GoneProblem {
  status: number;
  slug: ProblemSlug;
  title: string;
  detail?: string;
}

export type BusMessage = { snapshot: Snapshot } | { gone: GoneProblem };

/**
 * How the replicas of one deployment share the polling of an application: one of them leads (polls
 * and publishes), the others relay what it publishes. Without Redis every replica leads its own.
 */
export interface ProgressBus {
  /** How often a leader renews and a follower asks to lead, in ms. */
  readonly renewEveryMs: number;
  /** Relays what the leader of `key` publishes; answers the last snapshot published, if any. */
  join(key: string, deliver: (message: BusMessage) => void): Promise<Snapshot | undefined>;
  leave(key: string): Promise<void>;
  /** Takes or renews the lead of `key`: true while this replica is the one to poll it. */
  lead(key: string): Promise<boolean>;
  resign(key: string): Promise<void>;
  /** Tells the followers; `settled` snapshots are kept only briefly for late joiners. */
  publish(key: string, message: BusMessage): Promise<void>;
  close(): Promise<void>;
}

/** Without Redis: this replica leads every application it watches; there is nobody to tell. */
export class LocalProgressBus implements ProgressBus {
  constructor(readonly renewEveryMs: number) {}

  join(): Promise<Snapshot | undefined> {
    return Promise.resolve(undefined);
  }

  leave(): Promise<void> {
    return Promise.resolve();
  }

  lead(): Promise<boolean> {
    return Promise.resolve(true);
  }

  resign(): Promise<void> {
    return Promise.resolve();
  }

  publish(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

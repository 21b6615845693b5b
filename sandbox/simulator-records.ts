import type { SandboxTarget } from './sandbox-faults';

/** One request a simulator received, as it arrived. */
export interface RecordedCall {
  method: string;
  /** Path with the query string. */
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /**
   * Parsed JSON body; the raw text when it was not JSON; undefined when there was none.
   * Typed `any` on purpose: tests index straight into the wire shapes they assert on.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * A write a simulator performed: a POST that its route handler completed with a 2xx, whether or not
 * the answer then reached the caller. The same path and body twice means the write was repeated.
 */
export interface PerformedWrite {
  /** Path with the query string. */
  path: string;
  status: number;
  /** As in {@link RecordedCall.body}. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** The `X-Request-Id` the caller sent, which ties the write to the gateway request behind it. */
  callerRequestId?: string;
  /** True when a `lose-response` fault destroyed the socket instead of sending the answer. */
  answerLost: boolean;
}

/** Entries per simulator, in arrival order. */
export class TargetLog<T> {
  private readonly entries = new Map<SandboxTarget, T[]>();

  record(target: SandboxTarget, entry: T): void {
    const list = this.entries.get(target) ?? [];
    list.push(entry);
    this.entries.set(target, list);
  }

  list(target: SandboxTarget): T[] {
    return [...(this.entries.get(target) ?? [])];
  }

  /** How many entries each target has, zero for none. */
  counts(targets: readonly SandboxTarget[]): Record<SandboxTarget, number> {
    return Object.fromEntries(
      targets.map((target) => [target, this.entries.get(target)?.length ?? 0]),
    ) as Record<SandboxTarget, number>;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Which simulator a fault or a recorded call belongs to. */
export type SandboxTarget = 'rainbond' | 'app-center' | 'app-warehouse' | 'iam';

export const SANDBOX_TARGETS: readonly SandboxTarget[] = [
  'rainbond',
  'app-center',
  'app-warehouse',
  'iam',
];

/**
 * Misbehaviour a simulator can be told to show on its next requests:
 * - `latency`: wait `ms`, then answer normally;
 * - `status`: answer that status with the upstream's own error body;
 * - `reset`: destroy the socket without answering;
 * - `hang`: never answer (the socket closes when the client gives up or the sandbox stops);
 * - `malformed`: 200 with a body that is not JSON;
 * - `expired-token`: 401 as the upstream answers an expired (Workspace) or unknown (Rainbond) token;
 * - `job-failure`: Workspace only, 200 with a `WKS.00211102` error body.
 */
export type SandboxFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'expired-token' }
  | { kind: 'job-failure' };

export interface FaultOptions {
  /** How many requests the fault applies to; default: every request until cleared. */
  times?: number;
}

interface ActiveFault {
  fault: SandboxFault;
  remaining: number;
}

const JOB_TARGETS: ReadonlySet<SandboxTarget> = new Set(['app-center', 'app-warehouse']);

/**
 * Faults per simulator, applied in the order they were injected: each request takes the oldest
 * fault that still has uses left, so `status 503 ×1` then `latency` gives one 503, then slow answers.
 */
export class SandboxFaults {
  private readonly active = new Map<SandboxTarget, ActiveFault[]>();

  inject(target: SandboxTarget, fault: SandboxFault, options: FaultOptions = {}): void {
    assertValidFault(target, fault);
    const times = options.times ?? Number.POSITIVE_INFINITY;
    if (times !== Number.POSITIVE_INFINITY && (!Number.isInteger(times) || times < 1)) {
      throw new RangeError(`times must be a positive integer, got ${times}`);
    }
    const queue = this.active.get(target) ?? [];
    queue.push({ fault, remaining: times });
    this.active.set(target, queue);
  }

  /** Removes the faults of one simulator, or of all of them. */
  clear(target?: SandboxTarget): void {
    if (target) this.active.delete(target);
    else this.active.clear();
  }

  /** The fault for the next request to `target`, if any; uses it up once. */
  take(target: SandboxTarget): SandboxFault | undefined {
    const queue = this.active.get(target);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return next.fault;
  }
}

function assertValidFault(target: SandboxTarget, fault: SandboxFault): void {
  if (fault.kind === 'job-failure' && !JOB_TARGETS.has(target)) {
    throw new TypeError(
      `a job-failure fault applies to app-center and app-warehouse, not ${target}`,
    );
  }
  if (
    fault.kind === 'status' &&
    !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)
  ) {
    throw new RangeError(`a status fault needs a 4xx or 5xx status, got ${fault.status}`);
  }
  if (fault.kind === 'latency' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
    throw new RangeError(`a latency fault needs a duration in ms, got ${fault.ms}`);
  }
}

/** Which simulator a fault or a recorded call belongs to. */
export type SandboxTarget = 'rainbond' | 'app-center' | 'app-warehouse' | 'iam';

export const SANDBOX_TARGETS: readonly SandboxTarget[] = [
  'rainbond',
  'app-center',
  'app-warehouse',
  'iam',
];

/**
 * Misbehaviour a simulator can be told to show on its next requests. Before the request is handled:
 * - `latency`: wait `ms`, then answer normally;
 * - `status`: answer that status with the upstream's own error body;
 * - `reset`: destroy the socket without answering;
 * - `hang`: never answer (the socket closes when the client gives up or the sandbox stops);
 * - `malformed`: 200 with a body that is not JSON;
 * - `expired-token`: 401 as the upstream answers an expired (Workspace) or unknown (Rainbond) token;
 * - `job-failure`: Workspace only, 200 with a `WKS.00211102` error body.
 * After the request is handled in full (a POST has been performed):
 * - `lose-response`: destroy the socket instead of sending the answer;
 * - `slow-response`: wait `ms`, then send the answer.
 */
export type SandboxFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'expired-token' }
  | { kind: 'job-failure' }
  | { kind: 'lose-response' }
  | { kind: 'slow-response'; ms: number };

export interface FaultOptions {
  /** How many requests the fault applies to; default: every request until cleared. */
  times?: number;
  /** Chance (0 < p ≤ 1) that the fault applies to a request it is considered for; default: always. */
  probability?: number;
}

interface ActiveFault {
  fault: SandboxFault;
  remaining: number;
  probability?: number;
}

const JOB_TARGETS: ReadonlySet<SandboxTarget> = new Set(['app-center', 'app-warehouse']);

/**
 * Faults per simulator. Each request considers the faults of its simulator in injection order and
 * takes the first that fires: one without a probability always fires, one with a probability fires
 * when its dice roll says so. So `status 503 ×1` then `latency` gives one 503, then slow answers;
 * `status 503 p=0.1` then `reset p=0.05` gives a mix of both among normal answers.
 */
export class SandboxFaults {
  private readonly active = new Map<SandboxTarget, ActiveFault[]>();

  /** @param random a number in [0, 1) per roll; tests pass a scripted one. */
  constructor(private readonly random: () => number = Math.random) {}

  inject(target: SandboxTarget, fault: SandboxFault, options: FaultOptions = {}): void {
    checkFault(target, fault, options);
    const queue = this.active.get(target) ?? [];
    queue.push({
      fault,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
      probability: options.probability,
    });
    this.active.set(target, queue);
  }

  /** Removes the faults of one simulator, or of all of them. */
  clear(target?: SandboxTarget): void {
    if (target) this.active.delete(target);
    else this.active.clear();
  }

  /** The fault for the next request to `target`, if any fires; uses it up once. */
  take(target: SandboxTarget): SandboxFault | undefined {
    const queue = this.active.get(target) ?? [];
    const index = queue.findIndex(
      (candidate) => candidate.probability === undefined || this.random() < candidate.probability,
    );
    if (index < 0) return undefined;
    const chosen = queue[index];
    chosen.remaining -= 1;
    if (chosen.remaining <= 0) queue.splice(index, 1);
    return chosen.fault;
  }
}

/** Throws a TypeError or RangeError naming what is wrong with a fault or its options. */
export function checkFault(
  target: SandboxTarget,
  fault: SandboxFault,
  options: FaultOptions = {},
): void {
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
  if (
    (fault.kind === 'latency' || fault.kind === 'slow-response') &&
    !(Number.isFinite(fault.ms) && fault.ms >= 0)
  ) {
    throw new RangeError(`a ${fault.kind} fault needs a duration in ms, got ${fault.ms}`);
  }
  const { times, probability } = options;
  if (times !== undefined && !(Number.isInteger(times) && times >= 1)) {
    throw new RangeError(`times must be a positive integer, got ${times}`);
  }
  if (probability !== undefined && !(probability > 0 && probability <= 1)) {
    throw new RangeError(`probability must be greater than 0 and at most 1, got ${probability}`);
  }
}

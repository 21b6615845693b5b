import type { Sandbox, SandboxFault, SandboxTarget } from '../../sandbox/sandbox';

/**
 * What the simulators do wrong during a chaos run, per request, by probability. `slow-response`
 * and `lose-response` perform the write and then keep the answer from the gateway: the faults
 * that turn a careless retry into a duplicate.
 */
const FAULT_MIX: [SandboxTarget, SandboxFault, number][] = [
  ['rainbond', { kind: 'latency', ms: 100 }, 0.1],
  // slower than the client waits (800 ms), faster than the gateway's timeout (1 s): the client
  // retries while the first request is still in flight
  ['rainbond', { kind: 'latency', ms: 900 }, 0.05],
  ['app-center', { kind: 'latency', ms: 900 }, 0.05],
  ['rainbond', { kind: 'slow-response', ms: 1_500 }, 0.03],
  ['rainbond', { kind: 'lose-response' }, 0.03],
  ['rainbond', { kind: 'status', status: 503 }, 0.05],
  ['rainbond', { kind: 'reset' }, 0.02],
  ['app-center', { kind: 'status', status: 500 }, 0.05],
  ['app-center', { kind: 'lose-response' }, 0.03],
  ['app-center', { kind: 'job-failure' }, 0.03],
  ['app-center', { kind: 'malformed' }, 0.02],
  ['app-center', { kind: 'expired-token' }, 0.03],
  ['app-warehouse', { kind: 'slow-response', ms: 1_500 }, 0.03],
  ['app-warehouse', { kind: 'lose-response' }, 0.03],
  ['app-warehouse', { kind: 'status', status: 502 }, 0.05],
  ['app-warehouse', { kind: 'hang' }, 0.01],
  ['iam', { kind: 'status', status: 503 }, 0.1],
];

export function injectFaultMix(sandbox: Sandbox): void {
  for (const [target, fault, probability] of FAULT_MIX) {
    sandbox.faults.inject(target, fault, { probability });
  }
}

/** Mulberry32: the same seed gives the same dice, so a run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

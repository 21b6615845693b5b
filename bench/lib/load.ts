import { createHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Pool } from 'undici';

/** Connections of the closed-loop runs (env BENCH_CONNECTIONS). */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
export const WARM_UP_SECONDS = 3;

/** One request, sent the same way to every target. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface MaxLoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers that were not 2xx, plus errors and timeouts: a bench with any is invalid. */
  failures: number;
}

/**
 * Closed loop with autocannon: as many requests as `connections` (default CONNECTIONS) keep in
 * flight, for `durationSeconds` or until `amount` requests are done.
 */
export async function maxLoad(
  origin: string,
  request: BenchRequest,
  options: { connections?: number } & ({ durationSeconds: number } | { amount: number }),
): Promise<MaxLoadResult> {
  const result = await autocannon({
    url: `${origin}${request.path}`,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: options.connections ?? CONNECTIONS,
    ...('amount' in options ? { amount: options.amount } : { duration: options.durationSeconds }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Sends requests for a few seconds, to warm up JIT, pools and caches. */
export async function warmUp(origin: string, request: BenchRequest): Promise<void> {
  const result = await maxLoad(origin, request, {
    connections: 16,
    durationSeconds: WARM_UP_SECONDS,
  });
  if (result.failures > 0) {
    throw new Error(`warm-up of ${origin}${request.path}: ${result.failures} failed requests`);
  }
}

export interface FixedRateResult {
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

/**
 * Open loop at a fixed rate, with latency in microseconds (autocannon rounds to whole ms). Sends are
 * paced by a 1 ms timer and never wait for answers, so a slow target cannot slow the sender down
 * (no coordinated omission); each latency runs from its own send.
 */
export async function fixedRate(
  origin: string,
  request: BenchRequest,
  options: { ratePerSecond: number; durationSeconds: number; connections?: number },
): Promise<FixedRateResult> {
  const pool = new Pool(origin, { connections: options.connections ?? 128, pipelining: 1 });
  const histogram = createHistogram();
  const total = Math.round(options.ratePerSecond * options.durationSeconds);
  const intervalNs = 1e9 / options.ratePerSecond;
  const start = process.hrtime.bigint();
  let failures = 0;
  const sends: Promise<void>[] = [];
  const send = async () => {
    const sentAt = process.hrtime.bigint();
    try {
      const answer = await pool.request(request);
      await answer.body.dump();
      if (answer.statusCode >= 300) failures += 1;
      histogram.record(Math.max(1, Number(process.hrtime.bigint() - sentAt)));
    } catch {
      failures += 1;
    }
  };
  for (let sent = 0; sent < total;) {
    const elapsed = Number(process.hrtime.bigint() - start);
    const due = Math.min(total, Math.floor(elapsed / intervalNs) + 1);
    for (; sent < due; sent += 1) sends.push(send());
    await sleep(1);
  }
  await Promise.all(sends);
  await pool.close();
  return {
    p50Ms: histogram.percentile(50) / 1e6,
    p99Ms: histogram.percentile(99) / 1e6,
    failures,
  };
}

/** The middle value (the upper one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

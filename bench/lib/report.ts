import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { WindowComparison } from './window-comparison';

export interface Row {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
  ratioToRawProxy?: number;
  ratioToBareNest?: number;
  ratioToPeer?: number;
  halfLoad?: {
    ratePerSecond: number;
    p50Ms: number;
    p99Ms: number;
    upstreamP99Ms: number;
    addedP99Ms: number;
    failures: number;
  };
}

/** Each row's req/s over the raw proxy's, bare NestJS's and the peer's. */
export function addRatios(rows: Row[], bases: { rawProxy: Row; bareNest: Row; peer: Row }): void {
  for (const row of rows) {
    row.ratioToRawProxy = row.requestsPerSecond / bases.rawProxy.requestsPerSecond;
    row.ratioToBareNest = row.requestsPerSecond / bases.bareNest.requestsPerSecond;
    row.ratioToPeer = row.requestsPerSecond / bases.peer.requestsPerSecond;
  }
}

export function machineFacts() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))),
    commit: gitCommit(),
  };
}

function gitCommit(): string | undefined {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined || Number.isNaN(value) ? '' : value.toFixed(digits);

export function printTable(rows: Row[], rssMb: Record<string, number>): void {
  console.log();
  console.table(
    Object.fromEntries(
      rows.map((row) => [
        row.target,
        {
          'req/s': Math.round(row.requestsPerSecond),
          'p50 ms': row.p50Ms,
          'p99 ms': row.p99Ms,
          'x raw proxy': fixed(row.ratioToRawProxy, 2),
          'x bare NestJS': fixed(row.ratioToBareNest, 2),
          'x peer': fixed(row.ratioToPeer, 2),
          'half-load rate': row.halfLoad?.ratePerSecond ?? '',
          'half-load p50 ms': fixed(row.halfLoad?.p50Ms, 2),
          'half-load p99 ms': fixed(row.halfLoad?.p99Ms, 2),
          'added p99 ms': fixed(row.halfLoad?.addedP99Ms, 2),
        },
      ]),
    ),
  );
  const rss = Object.entries(rssMb).map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`);
  console.log(`RSS after the run: ${rss.join(', ')}`);
}

export function printWindows(windows: WindowComparison): void {
  const [short, long] = Object.entries(windows.requestsPerSecond);
  console.log(
    `\n${windows.route}, rate-limit window ${short[0]} s vs ${long[0]} s (median of ${windows.rounds} alternating rounds of ${windows.secondsPerRound} s): ${Math.round(short[1])} vs ${Math.round(long[1])} req/s, ratio ${windows.ratio.toFixed(2)}`,
  );
}

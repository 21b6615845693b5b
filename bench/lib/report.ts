import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

export interface Row {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
  ratioToRawProxy: number;
  halfLoad?: {
    ratePerSecond: number;
    p50Ms: number;
    p99Ms: number;
    upstreamP99Ms: number;
    addedP99Ms: number;
    failures: number;
  };
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

import { startBaseline, startTinyUpstream, upstreamStats } from './lib/bench-processes';
import type { BenchProcess } from './lib/child-process';
import { startGateway } from './lib/gateway-setup';
import {
  CONNECTIONS,
  fixedRate,
  maxLoad,
  median,
  warmUp,
  type BenchRequest,
  type FixedRateResult,
  WARM_UP_SECONDS,
} from './lib/load';
import { writeResult } from './lib/paths';
import { runMain } from './lib/run-main';
import { addRatios, machineFacts, printTable, printWindows, type Row } from './lib/report';
import { compareRateLimitWindows } from './lib/window-comparison';
import { GATEWAY_ROUTES, UPSTREAM_INSTALL } from './lib/routes';

/**
 * `npm run bench`: the upstream direct, the raw node:http + undici proxy, bare NestJS forwarding
 * the same call (the framework floor), the typical hand-written Nest BFF of the install route (the
 * peer) and the gateway (three routes), measured one after the other in one run against the same
 * tiny upstream; then the install route on two more gateways whose rate-limit windows are 1 s and
 * 1 h, side by side.
 *
 * Env: BENCH_SECONDS (per measurement, default 10), BENCH_CONNECTIONS (default 64).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const HALF_LOAD_SECONDS = Math.max(1, Math.round(SECONDS / 2));

interface Target {
  name: string;
  process: BenchProcess;
  request: BenchRequest;
}

async function main(): Promise<void> {
  const machine = machineFacts();
  console.log(`Node ${machine.node}, ${machine.cpus} CPUs`);
  const upstream = await startTinyUpstream();
  const proxy = await startBaseline('raw-proxy', upstream.origin);
  const bareNest = await startBaseline('bare-nest', upstream.origin);
  const peer = await startBaseline('peer-bff', upstream.origin);
  const gateway = await startGateway({ upstream: upstream.origin });
  try {
    const targets: Target[] = [
      { name: 'upstream direct', process: upstream, request: UPSTREAM_INSTALL },
      { name: 'raw proxy', process: proxy, request: UPSTREAM_INSTALL },
      { name: 'bare NestJS (floor)', process: bareNest, request: UPSTREAM_INSTALL },
      {
        name: 'peer: Nest BFF, install',
        process: peer,
        request: GATEWAY_ROUTES['rainbond install'],
      },
      ...Object.entries(GATEWAY_ROUTES).map(([route, request]) => ({
        name: `gateway: ${route}`,
        process: gateway,
        request,
      })),
    ];
    const rows: Row[] = [];
    for (const target of targets) rows.push(await measure(target, upstream));
    addRatios(rows, { rawProxy: rows[1], bareNest: rows[2], peer: rows[3] });
    const rssMb = {
      gateway: gateway.rssMb(),
      rawProxy: proxy.rssMb(),
      bareNest: bareNest.rssMb(),
      peer: peer.rssMb(),
    };
    printTable(rows, rssMb);
    const windows = await compareRateLimitWindows(upstream.origin, SECONDS);
    printWindows(windows);
    const stats = await upstreamStats(upstream);
    if (Object.keys(stats.unanswered).length > 0) {
      throw new Error(`the tiny upstream had no answer for ${JSON.stringify(stats.unanswered)}`);
    }
    writeResult('latest', {
      date: new Date().toISOString(),
      machine,
      settings: {
        seconds: SECONDS,
        halfLoadRounds: `3 x ${HALF_LOAD_SECONDS} s, median`,
        connections: CONNECTIONS,
        warmUpSeconds: WARM_UP_SECONDS,
      },
      rows,
      rssMbAfterRun: rssMb,
      rateLimitWindows: windows,
      iamTokenCalls: stats.iamTokenCalls,
    });
  } finally {
    await Promise.all([
      gateway.stop(),
      peer.stop(),
      bareNest.stop(),
      proxy.stop(),
      upstream.stop(),
    ]);
  }
}

/**
 * Max throughput (closed loop), then p99 at half that rate (open loop) next to the upstream's own
 * p99 at the same rate: the difference is what the target adds.
 */
async function measure(target: Target, upstream: BenchProcess): Promise<Row> {
  process.stdout.write(`${target.name}: `);
  await warmUp(target.process.origin, target.request);
  const max = await maxLoad(target.process.origin, target.request, { durationSeconds: SECONDS });
  const row: Row = { target: target.name, ...max };
  if (target.process !== upstream) {
    const rate = Math.max(1, Math.round(max.requestsPerSecond / 2));
    const options = { ratePerSecond: rate, durationSeconds: HALF_LOAD_SECONDS };
    // Tails on a shared VM are noisy: three short rounds, target and upstream alternating; medians.
    const through: FixedRateResult[] = [];
    const direct: FixedRateResult[] = [];
    for (let round = 0; round < 3; round += 1) {
      through.push(await fixedRate(target.process.origin, target.request, options));
      direct.push(await fixedRate(upstream.origin, UPSTREAM_INSTALL, options));
    }
    const p99 = median(through.map((result) => result.p99Ms));
    const upstreamP99 = median(direct.map((result) => result.p99Ms));
    row.halfLoad = {
      ratePerSecond: rate,
      p50Ms: median(through.map((result) => result.p50Ms)),
      p99Ms: p99,
      upstreamP99Ms: upstreamP99,
      addedP99Ms: p99 - upstreamP99,
      failures: [...through, ...direct].reduce((sum, result) => sum + result.failures, 0),
    };
  }
  console.log(`${Math.round(row.requestsPerSecond)} req/s`);
  if (row.failures > 0 || (row.halfLoad?.failures ?? 0) > 0) {
    throw new Error(`${target.name}: failed requests during the measurement`);
  }
  return row;
}

runMain(main);

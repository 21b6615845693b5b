import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  iamTokenCalls,
  startBareNest,
  startRawProxy,
  startTinyUpstream,
} from './lib/bench-processes';
import type { BenchProcess } from './lib/child-process';
import { startGateway } from './lib/gateway-setup';
import { fixedRate, maxLoad, warmUp, type BenchRequest } from './lib/load';
import { machineFacts, printTable, type Row } from './lib/report';
import { GATEWAY_ROUTES, UPSTREAM_INSTALL } from './lib/routes';

/**
 * `npm run bench`: the upstream direct, the raw node:http + undici proxy, bare NestJS forwarding
 * the same call (the framework floor) and the gateway (three routes), measured one after the other
 * in one run against the same tiny upstream.
 *
 * Env: BENCH_SECONDS (per measurement, default 10), BENCH_CONNECTIONS (default 64).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const WARM_UP_SECONDS = 3;

interface Target {
  name: string;
  process: BenchProcess;
  request: BenchRequest;
}

async function main(): Promise<void> {
  const machine = machineFacts();
  const upstream = await startTinyUpstream();
  const proxy = await startRawProxy(upstream.origin);
  const bareNest = await startBareNest(upstream.origin);
  const gateway = await startGateway({ upstream: upstream.origin });
  try {
    const targets: Target[] = [
      { name: 'upstream direct', process: upstream, request: UPSTREAM_INSTALL },
      { name: 'raw proxy', process: proxy, request: UPSTREAM_INSTALL },
      { name: 'bare NestJS (floor)', process: bareNest, request: UPSTREAM_INSTALL },
      ...Object.entries(GATEWAY_ROUTES).map(([route, request]) => ({
        name: `gateway: ${route}`,
        process: gateway,
        request,
      })),
    ];
    const rows: Row[] = [];
    for (const target of targets) rows.push(await measure(target, upstream));
    const proxyRps = rows[1].requestsPerSecond;
    for (const row of rows) row.ratioToRawProxy = row.requestsPerSecond / proxyRps;
    const rssMb = {
      gateway: gateway.rssMb(),
      rawProxy: proxy.rssMb(),
      bareNest: bareNest.rssMb(),
    };
    const result = {
      date: new Date().toISOString(),
      machine,
      settings: { seconds: SECONDS, connections: CONNECTIONS, warmUpSeconds: WARM_UP_SECONDS },
      rows,
      rssMbAfterRun: rssMb,
      iamTokenCalls: await iamTokenCalls(upstream),
    };
    printTable(rows, rssMb);
    const directory = join(__dirname, 'results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwritten to bench/results/latest.json`);
  } finally {
    await Promise.all([gateway.stop(), bareNest.stop(), proxy.stop(), upstream.stop()]);
  }
}

/**
 * Max throughput (closed loop), then p99 at half that rate (open loop) next to the upstream's own
 * p99 at the same rate: the difference is what the target adds.
 */
async function measure(target: Target, upstream: BenchProcess): Promise<Row> {
  process.stdout.write(`${target.name}: `);
  await warmUp(target.process.origin, target.request, WARM_UP_SECONDS);
  const max = await maxLoad(target.process.origin, target.request, {
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
  });
  const row: Row = { target: target.name, ...max, ratioToRawProxy: NaN };
  if (target.process !== upstream) {
    const rate = Math.max(1, Math.round(max.requestsPerSecond / 2));
    const options = { ratePerSecond: rate, durationSeconds: SECONDS };
    const through = await fixedRate(target.process.origin, target.request, options);
    const direct = await fixedRate(upstream.origin, UPSTREAM_INSTALL, options);
    row.halfLoad = {
      ratePerSecond: rate,
      p99Ms: through.p99Ms,
      upstreamP99Ms: direct.p99Ms,
      addedP99Ms: through.p99Ms - direct.p99Ms,
      failures: through.failures + direct.failures,
    };
  }
  console.log(`${Math.round(row.requestsPerSecond)} req/s`);
  if (row.failures > 0 || (row.halfLoad?.failures ?? 0) > 0) {
    throw new Error(`${target.name}: failed requests during the measurement`);
  }
  return row;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

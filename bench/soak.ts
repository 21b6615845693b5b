import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startTinyUpstream } from './lib/bench-processes';
import { startGateway } from './lib/gateway-setup';
import { RESULTS_DIR } from './lib/paths';
import { warmUp } from './lib/load';
import { GATEWAY_ROUTES } from './lib/routes';

/**
 * `npm run bench:soak`: one million Rainbond installs through the gateway, its RSS read every
 * 10 s. Reports RSS after the warm-up, at the end and the growth between; target ≤ 120 MB at the
 * end. Env: SOAK_REQUESTS (default 1,000,000), BENCH_CONNECTIONS (default 64).
 */
const REQUESTS = Number(process.env.SOAK_REQUESTS ?? 1_000_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SAMPLE_EVERY_MS = 10_000;

async function main(): Promise<void> {
  const upstream = await startTinyUpstream();
  const gateway = await startGateway({ upstream: upstream.origin });
  const route = GATEWAY_ROUTES['rainbond install'];
  try {
    await warmUp(gateway.origin, route, 3);
    const rssAfterWarmUpMb = gateway.rssMb();
    const samples: { seconds: number; rssMb: number }[] = [];
    const started = performance.now();
    const sampler = setInterval(() => {
      const sample = {
        seconds: Math.round((performance.now() - started) / 1000),
        rssMb: gateway.rssMb(),
      };
      samples.push(sample);
      console.log(`${sample.seconds} s: RSS ${sample.rssMb.toFixed(1)} MB`);
    }, SAMPLE_EVERY_MS);
    const result = await Promise.resolve(
      autocannon({
        url: `${gateway.origin}${route.path}`,
        method: route.method,
        headers: route.headers,
        body: route.body,
        connections: CONNECTIONS,
        amount: REQUESTS,
      }),
    ).finally(() => clearInterval(sampler));
    const rssAtEndMb = gateway.rssMb();
    const report = {
      date: new Date().toISOString(),
      requests: result.requests.total,
      failures: result.non2xx + result.errors + result.timeouts,
      seconds: Math.round((performance.now() - started) / 1000),
      rssAfterWarmUpMb: Number(rssAfterWarmUpMb.toFixed(1)),
      rssPeakMb: Number(Math.max(rssAtEndMb, ...samples.map((sample) => sample.rssMb)).toFixed(1)),
      rssAtEndMb: Number(rssAtEndMb.toFixed(1)),
      rssGrowthMb: Number((rssAtEndMb - rssAfterWarmUpMb).toFixed(1)),
      samples,
    };
    console.log(
      `${report.requests} requests (${report.failures} failed) in ${report.seconds} s; RSS ${report.rssAfterWarmUpMb} MB after warm-up, ${report.rssAtEndMb} MB at the end (growth ${report.rssGrowthMb} MB, peak ${report.rssPeakMb} MB; target ≤ 120 MB)`,
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'soak.json'), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await gateway.stop();
    await upstream.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

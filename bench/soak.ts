import { withGateway } from './lib/bench-processes';
import { maxLoad, warmUp } from './lib/load';
import { writeResult } from './lib/paths';
import { runMain } from './lib/run-main';
import { GATEWAY_ROUTES } from './lib/routes';

/**
 * `npm run bench:soak`: one million Rainbond installs through the gateway, its RSS read every
 * 10 s. Reports RSS after the warm-up, halfway and at the end, the growth over the whole run and
 * over its last half (a leak climbs there; a heap settling after start-up does not); targets
 * ≤ 150 MB at the end and no growth over the last half. Env: SOAK_REQUESTS (default 1,000,000),
 * BENCH_CONNECTIONS (default 64).
 */
const REQUESTS = Number(process.env.SOAK_REQUESTS ?? 1_000_000);
const SAMPLE_EVERY_MS = 10_000;

async function main(): Promise<void> {
  const route = GATEWAY_ROUTES['rainbond install'];
  await withGateway({}, async ({ gateway }) => {
    await warmUp(gateway.origin, route);
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
    const result = await maxLoad(gateway.origin, route, { amount: REQUESTS }).finally(() =>
      clearInterval(sampler),
    );
    const rssAtEndMb = gateway.rssMb();
    const rssHalfwayMb = rssHalfway(samples, rssAfterWarmUpMb);
    const report = {
      date: new Date().toISOString(),
      requests: result.requests,
      failures: result.failures,
      seconds: Math.round((performance.now() - started) / 1000),
      rssAfterWarmUpMb: Number(rssAfterWarmUpMb.toFixed(1)),
      rssPeakMb: Number(Math.max(rssAtEndMb, ...samples.map((sample) => sample.rssMb)).toFixed(1)),
      rssHalfwayMb: Number(rssHalfwayMb.toFixed(1)),
      rssAtEndMb: Number(rssAtEndMb.toFixed(1)),
      rssGrowthMb: Number((rssAtEndMb - rssAfterWarmUpMb).toFixed(1)),
      rssGrowthOverLastHalfMb: Number((rssAtEndMb - rssHalfwayMb).toFixed(1)),
      samples,
    };
    console.log(
      `${report.requests} requests (${report.failures} failed) in ${report.seconds} s; RSS ${report.rssAfterWarmUpMb} MB after warm-up, ${report.rssHalfwayMb} MB halfway, ${report.rssAtEndMb} MB at the end (growth ${report.rssGrowthMb} MB, over the last half ${report.rssGrowthOverLastHalfMb} MB; peak ${report.rssPeakMb} MB; targets ≤ 150 MB at the end, no growth over the last half)`,
    );
    writeResult('soak', report);
  });
}

/** The first sample of the run's second half (the warm-up's reading if the run was too short). */
function rssHalfway(samples: { seconds: number; rssMb: number }[], fallbackMb: number): number {
  const lastSeconds = samples.at(-1)?.seconds ?? 0;
  return samples.find((sample) => sample.seconds >= lastSeconds / 2)?.rssMb ?? fallbackMb;
}

runMain(main);

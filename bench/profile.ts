import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withGateway } from './lib/bench-processes';
import { summarizeProfile, type CpuProfile } from './lib/cpu-profile';
import { maxLoad, warmUp } from './lib/load';
import { runMain } from './lib/run-main';
import { GATEWAY_ROUTES } from './lib/routes';

/**
 * `npm run bench:profile [route]`: the gateway under load with `--cpu-prof`, then where its CPU went,
 * by function and by package (self time). Route: one of the bench's gateway routes (default: the
 * Rainbond install). Env: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 64).
 */
async function main(): Promise<void> {
  const routeName = process.argv[2] ?? 'rainbond install';
  const request = GATEWAY_ROUTES[routeName];
  if (!request)
    throw new Error(`no route "${routeName}": ${Object.keys(GATEWAY_ROUTES).join(', ')}`);
  const profileDirectory = mkdtempSync(join(tmpdir(), 'gateway-profile-'));
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`];
  await withGateway({ nodeArgs }, async ({ gateway }) => {
    await warmUp(gateway.origin, request);
    const load = await maxLoad(gateway.origin, request, {
      durationSeconds: Number(process.env.BENCH_SECONDS ?? 10),
    });
    console.log(`${routeName}: ${Math.round(load.requestsPerSecond)} req/s under the profiler`);
  });
  // The profile is written when the gateway exits, which withGateway has waited for.
  const [file] = readdirSync(profileDirectory).filter((name) => name.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(join(profileDirectory, file), 'utf8')) as CpuProfile;
  const summary = summarizeProfile(profile);
  console.log(`\nprofile: ${join(profileDirectory, file)} (open it in Chrome DevTools)`);
  console.log('\nself time by package:');
  console.table(summary.byPackage.slice(0, 15));
  console.log('self time by function:');
  console.table(summary.byFunction.slice(0, 25));
}

runMain(main);

import { Agent, request } from 'undici';
import { upstreamStats, withGateway } from './lib/bench-processes';
import { runMain } from './lib/run-main';
import { GATEWAY_ROUTES } from './lib/routes';

/**
 * `npm run bench:burst`: a gateway that has no IAM token yet gets 1000 concurrent publishes to the
 * App Center (each needs the token); IAM takes 100 ms to answer. Counts the IAM token calls the
 * upstream saw: the target is exactly one. Env: BURST_SIZE (default 1000), BENCH_REDIS_URL.
 */
const BURST_SIZE = Number(process.env.BURST_SIZE ?? 1000);
const IAM_DELAY_MS = 100;

async function main(): Promise<void> {
  const publish = GATEWAY_ROUTES['publish, cached IAM token'];
  await withGateway({ iamDelayMs: IAM_DELAY_MS }, async ({ upstream, gateway }) => {
    // One connection per request, all opened before the first answer can come back.
    const agent = new Agent({ connections: BURST_SIZE, pipelining: 1 });
    try {
      const before = (await upstreamStats(upstream)).iamTokenCalls;
      const started = performance.now();
      const statuses = await Promise.all(
        Array.from({ length: BURST_SIZE }, async () => {
          const answer = await request(`${gateway.origin}${publish.path}`, {
            method: publish.method,
            headers: publish.headers,
            body: publish.body,
            dispatcher: agent,
          });
          await answer.body.dump();
          return answer.statusCode;
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const calls = (await upstreamStats(upstream)).iamTokenCalls - before;
      const byStatus = statuses.reduce<Record<number, number>>((counts, status) => {
        counts[status] = (counts[status] ?? 0) + 1;
        return counts;
      }, {});
      console.log(
        `${BURST_SIZE} concurrent cold publishes in ${seconds.toFixed(2)} s: statuses ${JSON.stringify(byStatus)}`,
      );
      console.log(`IAM token calls: ${calls} (target: 1)`);
      if (calls !== 1 || byStatus[201] !== BURST_SIZE) process.exitCode = 1;
    } finally {
      await agent.close();
    }
  });
}

runMain(main);

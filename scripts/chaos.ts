import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from '../src/app.factory';
import type { GatewayConfig } from '../src/config/gateway-config.schema';
import type { Sandbox } from '../sandbox/sandbox';
import { SANDBOX_TARGETS } from '../sandbox/sandbox-faults';
import { startSandboxRuntime } from '../sandbox/sandbox-runtime';
import { runOperation, type OperationOutcome } from './chaos/chaos-client';
import { injectFaultMix, seededRandom } from './chaos/fault-mix';
import { operationFor } from './chaos/operations';

/**
 * `npm run chaos [-- --instances 2 --operations 400 --concurrency 32 --seed 7]`: concurrent writes
 * with idempotency keys and client retries through one gateway (or two sharing Redis) while the
 * simulators inject a fault mix; then counts what the upstreams really did.
 */
interface Options {
  instances: number;
  operations: number;
  concurrency: number;
  seed: number;
}

async function main(options: Options): Promise<void> {
  if (options.instances > 1 && !process.env.REDIS_URL) {
    throw new Error('two instances share idempotency records through Redis: set REDIS_URL');
  }
  const random = seededRandom(options.seed);
  const runtime = await startSandboxRuntime(process.env, {
    random: seededRandom(options.seed + 1),
  });
  const config = chaosConfig(runtime.config);
  const apps: NestFastifyApplication[] = [];
  try {
    for (let i = 0; i < options.instances; i++) {
      const app = await createGatewayApp(config, { logDestination: { write: () => undefined } });
      await app.listen(0, '127.0.0.1');
      apps.push(app);
    }
    const urls = await Promise.all(
      apps.map(async (app) => (await app.getUrl()).replace('[::1]', '127.0.0.1')),
    );
    injectFaultMix(runtime.sandbox);

    const started = Date.now();
    const outcomes = await runAll(options, (index) =>
      runOperation(urls, runtime.apiKey, operationFor(index, random), random),
    );
    runtime.sandbox.faults.clear();
    report(options, outcomes, runtime.sandbox, Date.now() - started);
  } finally {
    await Promise.all(apps.map((app) => app.close()));
    await runtime.sandbox.stop();
  }
}

/** Short upstream timeouts, so slow answers time out; no rate limit; a fresh Redis key space. */
function chaosConfig(config: GatewayConfig): GatewayConfig {
  const upstream = (name: keyof GatewayConfig['upstreams']) => ({
    ...config.upstreams[name],
    timeoutMs: 1_000,
  });
  return {
    ...config,
    logging: { level: 'silent', pretty: false },
    rateLimit: { ...config.rateLimit, requestsPerWindow: 0 },
    upstreams: {
      rainbond: upstream('rainbond'),
      appCenter: upstream('appCenter'),
      appWarehouse: upstream('appWarehouse'),
      iam: upstream('iam'),
    },
    redis: { ...config.redis, keyPrefix: `chaos:${randomBytes(4).toString('hex')}:` },
  };
}

async function runAll(
  options: Options,
  run: (index: number) => Promise<OperationOutcome>,
): Promise<OperationOutcome[]> {
  const outcomes: OperationOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.operations) outcomes.push(await run(next++));
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return outcomes;
}

function report(
  options: Options,
  outcomes: OperationOutcome[],
  sandbox: Sandbox,
  ms: number,
): void {
  const writesPerOperation = new Map<string, number>();
  let writes = 0;
  for (const target of SANDBOX_TARGETS) {
    for (const write of sandbox.writes(target)) {
      writes += 1;
      const operation = write.callerRequestId?.split('.')[0] ?? 'unknown';
      writesPerOperation.set(operation, (writesPerOperation.get(operation) ?? 0) + 1);
    }
  }
  const duplicated = [...writesPerOperation.values()].reduce(
    (sum, n) => sum + Math.max(0, n - 1),
    0,
  );
  const lost = outcomes.filter((outcome) => outcome.final === undefined);
  const byStatus = new Map<string, number>();
  for (const outcome of outcomes) {
    for (const answer of outcome.answers)
      byStatus.set(String(answer), (byStatus.get(String(answer)) ?? 0) + 1);
  }
  const successWithoutWrite = outcomes.filter(
    (outcome) =>
      outcome.final !== undefined &&
      outcome.final < 300 &&
      !writesPerOperation.has(outcome.operation.id),
  );
  const summary = {
    instances: options.instances,
    redis: Boolean(process.env.REDIS_URL),
    seed: options.seed,
    seconds: ms / 1000,
    operations: outcomes.length,
    requestsSent: outcomes.reduce((sum, outcome) => sum + outcome.attempts, 0),
    replayedAnswers: outcomes.reduce((sum, outcome) => sum + outcome.replays, 0),
    upstreamWrites: writes,
    duplicatedWrites: duplicated,
    lostResponses: lost.length,
    successesWithoutWrite: successWithoutWrite.length,
    finalAnswers: countBy(outcomes.map((outcome) => String(outcome.final ?? 'none'))),
    answersByStatus: Object.fromEntries([...byStatus].sort()),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (duplicated > 0 || lost.length > 0 || successWithoutWrite.length > 0) process.exitCode = 1;
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values.sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    const parsed = index >= 0 ? Number(argv[index + 1]) : fallback;
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new Error(`--${name} must be a positive integer`);
    return parsed;
  };
  return {
    instances: value('instances', 1),
    operations: value('operations', 400),
    concurrency: value('concurrency', 32),
    seed: value('seed', 7),
  };
}

main(parseOptions(process.argv.slice(2))).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

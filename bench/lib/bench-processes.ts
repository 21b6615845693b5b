import { join } from 'node:path';
import { benchScript, startProcess, type BenchProcess } from './child-process';

const script = (name: string) => benchScript(join(__dirname, '..', name));

/** The tiny upstream; `iamDelayMs` is how long an IAM token takes to come back. */
export function startTinyUpstream(iamDelayMs = 0): Promise<BenchProcess> {
  return startProcess({
    name: 'upstream',
    ...script('tiny-upstream'),
    env: { IAM_DELAY_MS: String(iamDelayMs) },
    readyPath: '/__bench/stats',
  });
}

/** The baseline proxy in front of `upstream`. */
export function startRawProxy(upstream: string): Promise<BenchProcess> {
  return startProcess({
    name: 'raw proxy',
    ...script('raw-proxy'),
    env: { UPSTREAM_ORIGIN: upstream },
    readyPath: '/__bench/stats',
  });
}

/** The framework-floor baseline: bare NestJS on Fastify forwarding to `upstream`. */
export function startBareNest(upstream: string): Promise<BenchProcess> {
  return startProcess({
    name: 'bare NestJS',
    ...script('bare-nest'),
    env: { UPSTREAM_ORIGIN: upstream },
    readyPath: '/',
  });
}

/** IAM token calls the tiny upstream has answered so far. */
export async function iamTokenCalls(upstream: BenchProcess): Promise<number> {
  const answer = await fetch(`${upstream.origin}/__bench/stats`);
  const stats = (await answer.json()) as { iamTokenCalls: number };
  return stats.iamTokenCalls;
}

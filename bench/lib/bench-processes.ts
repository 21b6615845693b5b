import { join } from 'node:path';
import { benchScript, startProcess, type BenchProcess } from './child-process';
import { startGateway } from './gateway-setup';

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

/** A baseline that forwards every call to `upstream`: `raw-proxy` or `bare-nest`. */
export function startBaseline(
  name: 'raw-proxy' | 'bare-nest',
  upstream: string,
): Promise<BenchProcess> {
  return startProcess({ name, ...script(name), env: { UPSTREAM_ORIGIN: upstream } });
}

/**
 * Runs `work` against a fresh tiny upstream and a gateway in front of it (`nodeArgs` for the
 * gateway's Node), and stops both afterwards whatever happens.
 */
export async function withGateway(
  options: { iamDelayMs?: number; nodeArgs?: string[] },
  work: (processes: { upstream: BenchProcess; gateway: BenchProcess }) => Promise<void>,
): Promise<void> {
  const upstream = await startTinyUpstream(options.iamDelayMs);
  try {
    const gateway = await startGateway({ upstream: upstream.origin, nodeArgs: options.nodeArgs });
    try {
      await work({ upstream, gateway });
    } finally {
      await gateway.stop();
    }
  } finally {
    await upstream.stop();
  }
}

/** IAM token calls the tiny upstream has answered so far. */
export async function iamTokenCalls(upstream: BenchProcess): Promise<number> {
  const answer = await fetch(`${upstream.origin}/__bench/stats`);
  const stats = (await answer.json()) as { iamTokenCalls: number };
  return stats.iamTokenCalls;
}

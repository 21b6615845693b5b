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

/** A baseline that forwards every call to `upstream`: `raw-proxy`, `bare-nest` or `peer-bff`. */
export function startBaseline(
  name: 'raw-proxy' | 'bare-nest' | 'peer-bff',
  upstream: string,
): Promise<BenchProcess> {
  return startProcess({
    name,
    ...script(name),
    env: { UPSTREAM_ORIGIN: upstream },
    // any answer means ready; the raw proxy forwards this one to the upstream, which answers it
    readyPath: '/__bench/ready',
  });
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

/** What the tiny upstream has counted so far: IAM token calls, and the calls it had no answer for. */
export async function upstreamStats(
  upstream: BenchProcess,
): Promise<{ iamTokenCalls: number; unanswered: Record<string, number> }> {
  const answer = await fetch(`${upstream.origin}/__bench/stats`);
  return (await answer.json()) as { iamTokenCalls: number; unanswered: Record<string, number> };
}

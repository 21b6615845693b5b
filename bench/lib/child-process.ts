import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';

/** A bench component in its own process: the upstream, the raw proxy or the gateway. */
export interface BenchProcess {
  pid: number;
  origin: string;
  /** Resident set size now, in MB (Linux /proc). */
  rssMb(): number;
  /** SIGTERM, then SIGKILL if it has not exited 10 s later. */
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  script: string;
  /** Node arguments before the script (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Polled until it answers: the process listens on the PORT it was given. */
  readyPath?: string;
}

const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * A script of bench/ as this run has it: compiled JavaScript (`npm run bench` builds dist-bench/, so
 * no TypeScript compiler sits in the measured processes' memory), or TypeScript through ts-node when
 * run from source.
 */
export function benchScript(path: string): { script: string; nodeArgs: string[] } {
  return __filename.endsWith('.ts')
    ? { script: `${path}.ts`, nodeArgs: ['-r', 'ts-node/register/transpile-only'] }
    : { script: `${path}.js`, nodeArgs: [] };
}

/**
 * Starts a Node process on a free loopback port (env PORT) and resolves once it answers HTTP.
 * Its stdout goes nowhere: the gateway's access log costs it a write to /dev/null, not this
 * process's CPU, which drives the load.
 */
export async function startProcess(options: StartOptions): Promise<BenchProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitUntilAnswering(child, `${origin}${options.readyPath ?? '/'}`, options);
  return {
    pid: child.pid!,
    origin,
    rssMb: () => rssMbOf(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(killer);
    },
  };
}

async function waitUntilAnswering(
  child: ChildProcess,
  url: string,
  options: StartOptions,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${options.name} exited with ${child.exitCode} before it answered`);
    }
    try {
      const answer = await request(url);
      await answer.body.dump();
      return;
    } catch {
      await sleep(100);
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${options.name} did not answer ${url} in time`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  return kb ? Number(kb[1]) / 1024 : NaN;
}

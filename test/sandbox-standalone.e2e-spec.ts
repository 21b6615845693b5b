import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { ANY_FREE_PORTS } from '../sandbox/sandbox.test-helpers';
import { output } from './support/process-output';

/**
 * The standalone entry point as its own process (what `npm run sandbox` and the compose
 * `simulators` service run), on any free ports: it starts, says where, and stops on a signal.
 */
const root = join(__dirname, '..');
// ts-node compiles the sandbox on every start: seconds on a loaded machine.
jest.setTimeout(30_000);

function startStandalone(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join('sandbox', 'standalone.ts')],
    { cwd: root, env: { PATH: process.env.PATH, ...env } },
  );
}

describe('the standalone sandbox process (sandbox/standalone.ts)', () => {
  it('serves the control API and exits 0 on SIGTERM', async () => {
    const child = startStandalone(ANY_FREE_PORTS);
    const stdout = output(child.stdout);
    const exited = once(child, 'exit');
    try {
      const [, controlUrl] = await stdout.waitFor(/control API: (http:\S+)/);
      expect((await fetch(`${controlUrl}/health`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toEqual([0, null]);
      expect(await stdout.text()).toContain('SIGTERM received, stopping the simulators');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a bad SANDBOX_FAULTS before listening, exiting 1 with the reason', async () => {
    const child = startStandalone({
      ...ANY_FREE_PORTS,
      SANDBOX_FAULTS: 'rainbond:latency:ms=soon',
    });
    const [stdout, stderr] = [output(child.stdout), output(child.stderr)];
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(await stderr.text()).toContain('SANDBOX_FAULTS entry "rainbond:latency:ms=soon"');
    expect(await stdout.text()).toBe('');
  });
});

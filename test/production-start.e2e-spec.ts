import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The entry point as the production image runs it, without a configuration file. */
function startWithout(env: Record<string, string>) {
  const { CONFIG_FILE: _ignored, SANDBOX_MODE: _alsoIgnored, ...inherited } = process.env;
  return spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', 'src', 'main.ts')],
    { env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000 },
  );
}

describe('a production start without CONFIG_FILE', () => {
  it('exits at once with a message saying what to set, instead of a sandbox on loopback', () => {
    const run = startWithout({ NODE_ENV: 'production' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CONFIG_FILE is not set');
    expect(run.stdout).not.toContain('SANDBOX');
  });
});

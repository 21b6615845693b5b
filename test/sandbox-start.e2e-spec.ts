import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { output } from './support/process-output';

/**
 * `npm start` as a newcomer sees it: src/main.ts with no CONFIG_FILE (sandbox mode) as its own
 * process, on a free port. The banner comes after a handful of lines, and each request adds one.
 */
const root = join(__dirname, '..');
const BANNER = /Application gateway is ready[\s\S]*?Gateway\s+(http:\S+)\/v1\n/;

describe('npm start in sandbox mode (src/main.ts)', () => {
  it('prints at most 15 lines, then a banner with the URLs, the demo key and a curl; one line per request', async () => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join('src', 'main.ts')],
      { cwd: root, env: { PATH: process.env.PATH, PORT: '0' } },
    );
    const stdout = output(child.stdout);
    const exited = once(child, 'exit');
    try {
      const [banner, base] = await stdout.waitFor(BANNER);
      const before = stdout.sofar().slice(0, stdout.sofar().indexOf(banner)).trim().split('\n');
      expect(before.length).toBeLessThanOrEqual(15);
      expect(before.join('\n')).not.toMatch(/InstanceLoader|RoutesResolver|RouterExplorer/);
      const full = (await stdout.waitFor(/Ctrl\+C stops\.\n─+\n/)).input;
      expect(full).toContain(`Swagger UI   ${base}/docs`);
      expect(full).toContain(`Demo API key sandbox-demo-key`);
      expect(full).toContain(
        `curl -s ${base}/v1/teams -H 'Authorization: Bearer sandbox-demo-key'`,
      );

      const linesBefore = stdout.sofar().split('\n').length;
      const teams = await fetch(`${base}/v1/teams`, {
        headers: { authorization: 'Bearer sandbox-demo-key' },
      });
      expect(teams.status).toBe(200);
      const [line] = await stdout.waitFor(/^.*GET \/v1\/teams 200 .*\n/m);
      expect(stdout.sofar().split('\n').length - linesBefore).toBe(1);
      expect(line).toMatch(/INFO <demo>: GET \/v1\/teams 200 [\d.]+ ms/);

      child.kill('SIGTERM');
      expect(await exited).toEqual([0, null]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});

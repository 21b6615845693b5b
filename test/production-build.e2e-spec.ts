import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { output } from './support/process-output';

/**
 * `npm run build` (the gateway) and `npm run build:sandbox` (the gateway and the simulators, what
 * `npm start` runs) compile with SWC, not tsc: the built gateway must still carry the decorator
 * metadata Nest, Swagger and class-validator read. Built as the scripts build (into a scratch
 * directory) and run by plain Node.
 */
const ROOT = join(__dirname, '..');
const OUT = 'dist-build-test';
const SWC = join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');

/** Runs package.json's `script` (an `swc … -d dist…` line) with its output in OUT instead. */
function buildAs(script: string, expected: string[]): void {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = scripts[script].split(' ');
  const output = args.indexOf('-d') + 1;
  expect([command, ...args.slice(0, output + 1)]).toEqual(expected);
  args[output] = OUT;
  execFileSync(process.execPath, [SWC, ...args], { cwd: ROOT });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

const PROBE = `
require('reflect-metadata');
const out = process.argv[1];
const { createGatewayApp } = require(out + '/src/app.factory');
const { startSandboxRuntime } = require(out + '/sandbox/sandbox-runtime');
const { createOpenApiDocument, serializeOpenApiDocument } = require(out + '/src/openapi/openapi-document');
(async () => {
  const runtime = await startSandboxRuntime();
  const config = { ...runtime.config, logging: { level: 'silent', pretty: false } };
  const app = await createGatewayApp(config);
  await app.init();
  const invalid = await app.getHttpAdapter().getInstance().inject({
    method: 'POST',
    url: '/v1/teams/acme/applications',
    headers: { authorization: 'Bearer ' + runtime.apiKey, 'content-type': 'application/json' },
    payload: { provider: 'app-warehouse', name: '' },
  });
  const document = serializeOpenApiDocument(createOpenApiDocument(app, config));
  await app.close();
  await runtime.sandbox.stop();
  process.stdout.write(JSON.stringify({ document, invalid: invalid.json() }));
})();
`;

describe('the SWC builds (npm run build, npm run build:sandbox)', () => {
  it('builds the gateway without the simulators, and that build asks for CONFIG_FILE', () => {
    try {
      buildAs('build', ['swc', 'src', '-d', 'dist']);
      const files = filesUnder(join(ROOT, OUT));
      expect(files).toEqual(expect.arrayContaining(['main.js', 'app.factory.js']));
      expect(files.filter((file) => /sandbox|simulator/.test(file))).toEqual([]);

      const run = spawnSync(process.execPath, [join(OUT, 'main.js')], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, PORT: '0' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('CONFIG_FILE is not set, and this build has no sandbox');
    } finally {
      rmSync(join(ROOT, OUT), { recursive: true, force: true });
    }
  }, 60_000);

  /** One sandbox build for both checks: neither writes into it. */
  describe('npm run build:sandbox', () => {
    beforeAll(
      () => buildAs('build:sandbox', ['swc', 'src', 'sandbox', '-d', 'dist-sandbox']),
      60_000,
    );
    afterAll(() => rmSync(join(ROOT, OUT), { recursive: true, force: true }));

    it('keeps the metadata Swagger and class-validator need (same OpenAPI document, DTO validation on)', () => {
      const probe = execFileSync(process.execPath, ['-e', PROBE, join(ROOT, OUT)], {
        cwd: ROOT,
        env: { PATH: process.env.PATH },
        encoding: 'utf8',
      });
      const { document, invalid } = JSON.parse(probe) as {
        document: string;
        invalid: { type: string; errors: { field: string }[] };
      };
      expect(document).toBe(readFileSync(join(ROOT, 'openapi.json'), 'utf8'));
      expect(invalid.type).toBe('https://gateway.internal/problems/validation-failed');
      expect(invalid.errors.map((error) => error.field)).toContain('name');
    }, 60_000);

    it('starts sandbox mode from the built main.js, which finds the simulators beside it', async () => {
      const child = spawn(process.execPath, [join(OUT, 'src', 'main.js')], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, PORT: '0' },
      });
      const stdout = output(child.stdout);
      const exited = once(child, 'exit');
      try {
        await stdout.waitFor(/Application gateway is ready \(sandbox mode\)/);
        child.kill('SIGTERM');
        expect(await exited).toEqual([0, null]);
      } finally {
        child.kill('SIGKILL');
      }
    }, 60_000);
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run build` compiles with SWC, not tsc: the built gateway must still carry the decorator
 * metadata Nest, Swagger and class-validator read. Built as the script builds (into a scratch
 * directory) and run by plain Node: same OpenAPI document as the committed one, DTO validation on.
 */
const ROOT = join(__dirname, '..');
const OUT = 'dist-build-test';
const SWC = join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');

const PROBE = `
require('reflect-metadata');
const out = process.argv[1];
const { createGatewayApp } = require(out + '/app.factory');
const { startSandboxRuntime } = require(out + '/sandbox/sandbox-runtime');
const { createOpenApiDocument, serializeOpenApiDocument } = require(out + '/openapi/openapi-document');
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

describe('the production build (npm run build)', () => {
  afterAll(() => rmSync(join(ROOT, OUT), { recursive: true, force: true }));

  it('keeps the metadata Swagger and class-validator need', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const [command, ...args] = scripts.build.split(' ');
    expect([command, ...args.slice(0, 3)]).toEqual(['swc', 'src', '-d', 'dist']);
    args[2] = OUT;
    execFileSync(process.execPath, [SWC, ...args], { cwd: ROOT });

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
});

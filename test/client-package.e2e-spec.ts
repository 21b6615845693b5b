import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import { DEMO_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Lists acme's applications through the installed package; prints what it loaded and saw. */
const consumerCall = (load: string, resolve: string) => `${load}
const entry = ${resolve}('@application-gateway/client').split('/client/')[1];
const gateway = createGatewayClient({ baseUrl: process.env.GATEWAY_URL, credentials: process.env.GATEWAY_KEY });
gateway.GET('/v1/teams/{team}/applications', { params: { path: { team: 'acme' } } }).then(({ data, response }) => {
  console.log(JSON.stringify({ entry, status: response.status, providers: [...new Set(data.items.map((item) => item.provider))] }));
});
`;

/** Type-checked as another repository would: the package's own declarations, Node's resolution. */
const TYPED_CONSUMER = `import { createGatewayClient, type components } from '@application-gateway/client';

const gateway = createGatewayClient({ baseUrl: 'http://127.0.0.1:3000', credentials: 'key' });
const install: components['schemas']['InstallApplicationRequest'] = {
  market: { url: 'https://hub.grapps.cn', domain: 'rainbond' },
  appModelId: 'a1b2c3d4e5f6',
  appModelVersion: '1.0.0',
};
export const calls = [
  gateway.POST('/v1/teams/{team}/applications/{id}/install', {
    params: { path: { team: 'acme', id: 'rainbond:region-1:1' } },
    body: install,
  }),
  gateway.POST('/v1/teams/{team}/applications', {
    params: { path: { team: 'acme' } },
    body: ${JSON.stringify(PUBLISH_EXAMPLES.appWarehouse.value)},
  }),
  // @ts-expect-error: the types know every route, so an unknown one does not compile
  gateway.GET('/v1/no-such-route'),
];
`;

/**
 * The client as another repository gets it: `npm pack` (which builds it), installed into an empty
 * project from the npm cache only (no network), then loaded as an ES module and as CommonJS and
 * called against a sandbox gateway.
 */
describe('the packed client in another project', () => {
  let gateway: TestGateway;
  let project: string;

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'gateway-client-consumer-'));
    // The gateway starts while npm packs and installs in their own processes.
    const started = startTestGateway();
    try {
      const packed = await run('npm', ['pack', '--pack-destination', project, '--json'], {
        cwd: join(ROOT, 'client'),
      });
      const [{ filename }] = JSON.parse(packed.stdout) as { filename: string }[];
      writeConsumerProject(project, filename);
      await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: project });
    } finally {
      gateway = await started; // closed by afterAll even when packing failed
    }
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    rmSync(project, { recursive: true, force: true });
  });

  const env = () => ({
    ...process.env,
    GATEWAY_URL: gateway.url.replace('[::1]', '127.0.0.1'),
    GATEWAY_KEY: DEMO_KEY,
  });

  it.each([
    ['an ES module', 'esm.mjs', 'dist/esm/index.js'],
    ['CommonJS', 'cjs.cjs', 'dist/cjs/index.js'],
  ])('calls the sandbox when loaded as %s', async (_kind, file, entry) => {
    const { stdout } = await run(process.execPath, [file], { cwd: project, env: env() });
    expect(JSON.parse(stdout)).toEqual({
      entry,
      status: 200,
      providers: ['rainbond', 'app-center', 'app-warehouse'],
    });
  });

  it('ships types that compile for ES module and CommonJS consumers', async () => {
    await expect(run(process.execPath, [TSC, '-p', project])).resolves.toBeDefined();
  }, 60_000);
});

/** package.json and a lock with the client's dependencies as the repository's lock pins them. */
function writeConsumerProject(project: string, tarball: string): void {
  const rootLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string> }>;
  };
  const client = rootLock.packages.client;
  const dependencies = { '@application-gateway/client': `file:${tarball}` };
  const transitive = ['openapi-fetch', 'openapi-typescript-helpers'];
  const packages = {
    '': { name: 'consumer', dependencies },
    'node_modules/@application-gateway/client': {
      version: '0.1.0',
      resolved: `file:${tarball}`,
      dependencies: client.dependencies,
    },
    ...Object.fromEntries(
      transitive.map((name) => [`node_modules/${name}`, rootLock.packages[`node_modules/${name}`]]),
    ),
  };
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'consumer', private: true, dependencies }),
    'package-lock.json': JSON.stringify({ name: 'consumer', lockfileVersion: 3, packages }),
    'esm.mjs': consumerCall(
      "import { createGatewayClient } from '@application-gateway/client';",
      'import.meta.resolve',
    ),
    'cjs.cjs': consumerCall(
      "const { createGatewayClient } = require('@application-gateway/client');",
      'require.resolve',
    ),
    'typed.mts': TYPED_CONSUMER,
    'typed.cts': TYPED_CONSUMER,
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ['typed.mts', 'typed.cts'],
    }),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NODE_MODULES,
  contextFiles,
  imageStages,
  repositoryFiles,
} from './support/docker-image-files';

/** Files that must never be in an image, whatever else changes. */
const TEST_FILE = /(^|\/)test\/|\.(spec|e2e-spec|test-helpers)\.[jt]s$/;
const SANDBOX_FILE = /(^|\/)sandbox\//;
const SECRET_FILE = /(^|\/)(secrets\/|\.env($|\.))|\.(pem|key)$/;

/** Paths an operator's checkout may hold that git does not show (ignored or never committed). */
const LOCAL_ONLY = [
  '.env',
  '.env.production',
  'secrets/redis_password',
  'secrets/iam_payments_password',
  'config/tls/rainbond-ca.pem',
  'config/tls/client.key',
  'src/local.pem',
  'node_modules/typescript/package.json',
  'dist/main.js',
  'dist-sandbox/src/main.js',
  'coverage/lcov.info',
  '.git/config',
];

describe('the Docker images (worked out from the Dockerfile and .dockerignore)', () => {
  const context = contextFiles([...repositoryFiles(), ...LOCAL_ONLY]);
  const stages = imageStages(context);
  const production = [...stages.get('production')!.files];
  const sandbox = [...stages.get('sandbox')!.files];

  it('sends no local secret, test, bench or build output in the build context', () => {
    expect(context.filter((file) => SECRET_FILE.test(file) || TEST_FILE.test(file))).toEqual([]);
    expect(
      context.filter((file) =>
        /^(bench|docs|scripts|dist|dist-sandbox|node_modules|coverage|\.git)\//.test(file),
      ),
    ).toEqual([]);
    expect(context).toEqual(expect.arrayContaining(['package-lock.json', 'src/main.ts']));
  });

  it('makes the production image the default target, on Node 24, installed with npm ci', () => {
    const dockerfile = readFileSync(join(__dirname, '..', 'Dockerfile'), 'utf8');
    expect([...stages.keys()].pop()).toBe('production');
    for (const from of dockerfile.match(/^FROM \S+/gm)!.filter((f) => f.includes(':'))) {
      expect(from).toMatch(/^FROM node:24-/);
    }
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).not.toMatch(/npm install/);
  });

  it('puts the compiled gateway in the production image and no simulator, test or secret', () => {
    expect(production).toEqual(
      expect.arrayContaining(['dist/main.js', 'dist/app.factory.js', 'package.json', NODE_MODULES]),
    );
    expect(production.filter((file) => SANDBOX_FILE.test(file))).toEqual([]);
    expect(production.filter((file) => TEST_FILE.test(file))).toEqual([]);
    expect(production.filter((file) => SECRET_FILE.test(file))).toEqual([]);
    expect(production.filter((file) => file.startsWith('config/'))).toEqual([]);
  });

  it('builds the simulators into the sandbox image, still without tests or secrets', () => {
    expect(sandbox).toEqual(
      expect.arrayContaining([
        'dist/src/main.js',
        'dist/sandbox/standalone.js',
        'dist/sandbox/sandbox-runtime.js',
        'config/default.yaml',
      ]),
    );
    expect(sandbox.filter((file) => TEST_FILE.test(file))).toEqual([]);
    expect(sandbox.filter((file) => SECRET_FILE.test(file))).toEqual([]);
  });

  it('starts each image from a file it holds', () => {
    for (const name of ['production', 'sandbox']) {
      const { command, files } = stages.get(name)!;
      const [node, entry] = command!;
      expect(node).toBe('node');
      expect([...files]).toContain(`${entry}.js`);
    }
  });

  it('keeps out each local-only secret, key and build output it is offered', () => {
    expect(LOCAL_ONLY.filter((file) => SECRET_FILE.test(file))).toHaveLength(7);
    expect(contextFiles(LOCAL_ONLY)).toEqual([]);
    expect(
      contextFiles([
        'src/main.ts',
        'src/main.spec.ts',
        'sandbox/standalone.ts',
        'sandbox/sandbox.spec.ts',
        'sandbox/sandbox.test-helpers.ts',
      ]),
    ).toEqual(['src/main.ts', 'sandbox/standalone.ts']);
  });
});

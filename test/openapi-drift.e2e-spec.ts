import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument, serializeOpenApiDocument } from '../src/openapi/openapi-document';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const ROOT = join(__dirname, '..');
const COMMITTED = join(ROOT, 'openapi.json');
const CLIENT_TYPES = join(ROOT, 'client', 'src', 'schema.ts');

/** Consumers build on the committed openapi.json: the running app must still match it. */
describe('committed OpenAPI document', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('equals what the app generates (run `npm run openapi` after an API change)', () => {
    const generated = serializeOpenApiDocument(createOpenApiDocument(gateway.app, gateway.config));
    const committed = readFileSync(COMMITTED, 'utf8');
    if (generated !== committed) {
      throw new Error(
        'openapi.json is out of date with the routes and DTOs: run `npm run openapi` and commit the result',
      );
    }
  });

  it("is what the client's generated types were made from", () => {
    const cli = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    // The options of the client's `generate` script, with the output on stdout instead of a file.
    const script: string = JSON.parse(readFileSync(join(ROOT, 'client', 'package.json'), 'utf8'))
      .scripts.generate;
    const options = script.split(' ').filter((arg) => arg.startsWith('--') && arg !== '--output');
    const generated = execFileSync(process.execPath, [cli, COMMITTED, ...options], {
      encoding: 'utf8',
    });
    if (generated !== readFileSync(CLIENT_TYPES, 'utf8')) {
      throw new Error('client/src/schema.ts is out of date: run `npm run openapi` and commit it');
    }
  });

  it('is the document served at /docs-json', async () => {
    const served = (await gateway.request('GET', '/docs-json', { key: null })).body;
    expect(served).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });
});

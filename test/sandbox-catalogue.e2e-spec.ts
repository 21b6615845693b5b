import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startTestGateway, type TestGateway } from './support/test-gateway';

const README = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
const OPENAPI = JSON.parse(readFileSync(resolve(__dirname, '../openapi.json'), 'utf8')) as {
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; schema?: { example?: unknown } }[] }>
  >;
};

/** The paths of the README's read curls: `curl -s "$GW/v1/…"` in "Look around the sandbox". */
function readmeReadPaths(): string[] {
  const section = README.split('\n## ').find((part) => part.startsWith('Look around the sandbox'));
  if (!section) throw new Error('README has no "Look around the sandbox" section');
  return [...section.matchAll(/curl -s "\$GW(\/v1\/[^"]+)"/g)].map((match) => match[1]);
}

const PROVIDERS = ['rainbond', 'app-center', 'app-warehouse'];

/** A fresh sandbox, as `npm start` gives a newcomer, read through the gateway. */
describe('the sandbox catalogue through the gateway', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('shows all three providers in the first page of the list', async () => {
    const page = await gateway.request('GET', '/v1/teams/acme/applications');
    expect(page.status).toBe(200);
    expect(page.body.partial).toBe(false);
    const providers = new Set(page.body.items.map((item: { provider: string }) => item.provider));
    expect([...providers]).toEqual(PROVIDERS);
    for (const item of page.body.items.filter(
      (i: { provider: string }) => i.provider !== 'rainbond',
    )) {
      expect(item).toMatchObject({
        version: expect.any(String),
        icon: expect.stringMatching(/^data:image\//),
      });
    }
  });

  it("finds apps with Swagger's prefilled list example", async () => {
    const list = OPENAPI.paths['/v1/teams/{team}/applications'].get;
    const name = list.parameters?.find((parameter) => parameter.name === 'name')?.schema?.example;
    expect(typeof name).toBe('string');
    const page = await gateway.request('GET', `/v1/teams/acme/applications?name=${String(name)}`);
    expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([
      'rainbond:region-1:4',
      expect.stringMatching(/^app-center:/),
    ]);
  });

  it('answers every read curl of the README with 200 and content', async () => {
    const paths = readmeReadPaths();
    const routes = new Set(
      paths.map((path) =>
        path
          .replace(/\?.*$/, '')
          .replace(/\/applications\/[^/]+/, '/applications/{id}')
          .replace(/\/teams\/[^/]+/, '/teams/{team}'),
      ),
    );
    expect([...routes].sort()).toEqual([
      '/v1/teams/{team}/applications',
      '/v1/teams/{team}/applications/{id}',
      '/v1/teams/{team}/applications/{id}/upgrades',
      '/v1/teams/{team}/catalogs',
    ]);
    const gets = paths.filter((path) => /\/applications\/[^/?]+$/.test(path));
    expect(gets.map((path) => path.split('/').at(-1)!.split(':')[0]).sort()).toEqual(
      [...PROVIDERS].sort(),
    );
    for (const path of paths) {
      const response = await gateway.request('GET', path);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      if (gets.includes(path))
        expect(response.body.id).toBe(decodeURIComponent(path.split('/').at(-1)!));
      else if (path.endsWith('/upgrades'))
        expect(response.body.options[0].upgradeVersions).toEqual(['1.2.0']);
      else expect(response.body.items.length).toBeGreaterThan(0);
    }
  });

  it('gets a Rainbond app with the components of both its installed models', async () => {
    const app = await gateway.request('GET', '/v1/teams/acme/applications/rainbond:region-1:4');
    expect(app.body.components.map((component: { name: string }) => component.name)).toEqual([
      'nginx',
      'redis',
    ]);
  });
});

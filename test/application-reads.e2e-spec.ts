import { PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import { SANDBOX_APP_CENTER, SANDBOX_APP_WAREHOUSE } from '../sandbox/sandbox-catalogue';
import { SANDBOX_WORLD } from '../sandbox/sandbox-world';
import { rainbond } from '../sandbox/sandbox.test-helpers';
import {
  ACME_ONLY_KEY,
  expectProblem,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

const ACME = SANDBOX_WORLD.rainbond.teams.acme;
const LIST = '/v1/teams/acme/applications';

describe('BFF reads', () => {
  let gateway: TestGateway;
  /** Every id the acme list must show, in merge order. */
  let expected: string[];
  /** The apps this test published, newest first. */
  let appCenter: string[];
  let warehouse: string[];

  beforeAll(async () => {
    gateway = await startTestGateway();
    for (const name of ['alpha', 'beta']) {
      const created = await rainbond(
        gateway.sandbox,
        `/teams/${ACME.tenantName}/regions/region-1/apps`,
        {
          json: { app_name: name },
        },
      );
      expect(created.status).toBe(201);
    }
    const published: string[] = [];
    for (const [example, count] of [
      [PUBLISH_EXAMPLES.appCenter, 3],
      [PUBLISH_EXAMPLES.appWarehouse, 2],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const body = {
          ...example.value,
          name: `${example.value.name}-${i}`.replace('++.exe', 'pp'),
        };
        const response = await gateway.request('POST', LIST, { body });
        expect(response.status).toBe(201);
        published.push(response.body.id);
      }
    }
    const rainbondIds = (
      await rainbond(gateway.sandbox, `/teams/${ACME.tenantName}/regions/region-1/apps`)
    ).body
      .map((app: { ID: number }) => app.ID)
      .sort((a: number, b: number) => a - b)
      .map((id: number) => `rainbond:region-1:${id}`);
    appCenter = published.slice(0, 3).reverse(); // the catalogs list newest first
    warehouse = published.slice(3).reverse();
    // After what this test published, each catalog lists the apps the sandbox starts with.
    const seededAppCenter = SANDBOX_APP_CENTER.acme.map((seed) => `app-center:${seed.listed.id}`);
    const seededWarehouse = SANDBOX_APP_WAREHOUSE.acme.map(
      (seed) => `app-warehouse:${seed.listed.app_id}`,
    );
    expected = [
      ...rainbondIds,
      'rainbond:region-2:3',
      ...appCenter,
      ...seededAppCenter,
      ...warehouse,
      ...seededWarehouse,
    ];
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  const upstreamCalls = () =>
    (['rainbond', 'app-center', 'app-warehouse', 'iam'] as const).reduce(
      (sum, target) => sum + gateway.sandbox.calls(target).length,
      0,
    );

  async function walk(
    limit: number,
    query = '',
  ): Promise<{ ids: string[]; callsPerPage: number[] }> {
    const ids: string[] = [];
    const callsPerPage: number[] = [];
    let cursor: string | undefined;
    do {
      const before = upstreamCalls();
      const params = new URLSearchParams(query);
      params.set('limit', String(limit));
      if (cursor) params.set('cursor', cursor);
      const page = await gateway.request('GET', `${LIST}?${params.toString()}`, {
        key: ACME_ONLY_KEY,
      });
      expect(page.status).toBe(200);
      expect(page.body.partial).toBe(false);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.body.items.map((item: { id: string }) => item.id));
      callsPerPage.push(upstreamCalls() - before);
      cursor = page.body.nextCursor;
    } while (cursor);
    return { ids, callsPerPage };
  }

  describe('GET /applications', () => {
    it('walks every source in merge order, no item lost or repeated, for any page size', async () => {
      for (const limit of [1, 2, 3, 4, 100]) {
        const { ids } = await walk(limit);
        expect(ids).toEqual(expected);
      }
    });

    it('asks each remaining source once per page, concurrently', async () => {
      const { callsPerPage } = await walk(5); // a page size not walked before: nothing cached
      // page 1: 2 Rainbond regions + App Center + App Warehouse (IAM token already cached), and
      // it holds the 5 Rainbond apps; pages 2 and 3 start inside the App Center (6 apps), so only
      // it and the warehouse are asked
      expect(expected.filter((id) => id.startsWith('rainbond:'))).toHaveLength(5);
      expect(expected.filter((id) => id.startsWith('app-center:'))).toHaveLength(6);
      expect(callsPerPage).toEqual([4, 2, 2]);
    });

    it('filters by provider and name', async () => {
      const { ids } = await walk(2, 'provider=app-warehouse');
      expect(ids).toEqual(expected.filter((id) => id.startsWith('app-warehouse:')));
      const named = await gateway.request('GET', `${LIST}?name=alpha`);
      expect(named.body.items.map((item: { name: string }) => item.name)).toEqual(['alpha']);
    });

    it('refuses an edited cursor and a cursor of another list', async () => {
      const first = await gateway.request('GET', `${LIST}?limit=1`);
      const cursor: string = first.body.nextCursor;
      const [payload, mac] = cursor.split('.');
      const edited = `${Buffer.from(JSON.stringify([1, 0, 0])).toString('base64url')}.${mac}`;
      expect(payload).not.toBe(edited.split('.')[0]);
      for (const bad of [edited, `${payload}.AAAA`]) {
        const problem = expectProblem(await gateway.request('GET', `${LIST}?cursor=${bad}`), 400);
        expect(problem.errors[0].field).toBe('cursor');
      }
      expectProblem(await gateway.request('GET', `${LIST}?name=x&cursor=${cursor}`), 400);
      expectProblem(
        await gateway.request('GET', `/v1/teams/globex/applications?cursor=${cursor}`),
        400,
      );
    });

    it('answers 200 partial with the failed source named when one provider fails', async () => {
      gateway.sandbox.faults.inject('app-center', { kind: 'status', status: 503 }, { times: 3 });
      const page = await gateway.request('GET', `${LIST}?limit=99`, {
        key: ACME_ONLY_KEY,
        headers: { 'x-request-id': 'partial-list' },
      });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ partial: true });
      expect(page.body.errors).toEqual([
        expect.objectContaining({ source: 'app-center', provider: 'app-center', status: 502 }),
      ]);
      expect(page.body.items.map((item: { id: string }) => item.id)).toEqual(
        expected.filter((id) => !id.startsWith('app-center:')),
      );
      expect(page.headers.get('cache-control')).toBe('private, max-age=0');
    });
  });

  describe('GET /applications/{id}', () => {
    it('reads a Rainbond app with its components', async () => {
      const response = await gateway.request('GET', `${LIST}/rainbond:region-1:1`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: 'rainbond:region-1:1',
        name: 'demo-shop',
        rainbond: { region: 'region-1', componentCount: 1 },
      });
      expect(response.body.components).toHaveLength(1);
      expect(response.body).not.toHaveProperty('raw');
    });

    it('finds App Center and App Warehouse apps through their list filters', async () => {
      for (const id of [appCenter.at(-1)!, warehouse.at(-1)!]) {
        const response = await gateway.request('GET', `${LIST}/${id}?view=full`);
        expect(response.status).toBe(200);
        expect(response.body.id).toBe(id);
        expect(response.body.raw).toBeDefined();
      }
    });

    it("answers 404 for an unknown id and for another team's app", async () => {
      for (const id of [
        'app-center:no-such-app',
        'app-warehouse:123456789',
        'rainbond:region-1:2',
      ]) {
        expectProblem(await gateway.request('GET', `${LIST}/${id}`), 404);
      }
    });
  });

  describe('GET /applications/{id}/upgrades', () => {
    it('lists the versions upgrade accepts for each installed app model', async () => {
      const response = await gateway.request('GET', `${LIST}/rainbond:region-1:1/upgrades`);
      expect(response.status).toBe(200);
      expect(response.body.applicationId).toBe('rainbond:region-1:1');
      expect(response.body.options[0]).toMatchObject({
        appModelId: expect.any(String),
        upgradeVersions: expect.any(Array),
      });
      expectProblem(await gateway.request('GET', `${LIST}/${expected.at(-1)}/upgrades`), 400);
    });
  });

  describe('GET /catalogs', () => {
    it('lists App Center catalogs and App Warehouse categories', async () => {
      const response = await gateway.request('GET', '/v1/teams/acme/catalogs');
      expect(response.status).toBe(200);
      const providers = new Set(
        response.body.items.map((item: { provider: string }) => item.provider),
      );
      expect(providers).toEqual(new Set(['app-center', 'app-warehouse']));
      expect(response.body.items).toContainEqual({
        provider: 'app-warehouse',
        id: 'PRODUCTIVITY_AND_COLLABORATION',
      });
      expect(gateway.sandbox.calls('app-warehouse')).toHaveLength(0);
    });

    it('refuses a query parameter (the route has none) before calling the App Center', async () => {
      const before = gateway.sandbox.calls('app-center').length;
      const response = await gateway.request('GET', '/v1/teams/acme/catalogs?limit=5&catalog=x');
      expect(expectProblem(response, 400)).toMatchObject({
        type: expect.stringContaining('validation-failed'),
        errorCount: 2,
        errors: [
          { field: 'limit', message: 'is not a known field' },
          { field: 'catalog', message: 'is not a known field' },
        ],
      });
      expect(gateway.sandbox.calls('app-center')).toHaveLength(before);
    });
  });

  describe('read cache', () => {
    it('answers a repeated read from the cache, with an ETag and 304 on If-None-Match', async () => {
      const first = await gateway.request('GET', `${LIST}?limit=3`);
      const calls = upstreamCalls();
      const second = await gateway.request('GET', `${LIST}?limit=3`, {
        headers: { 'if-none-match': first.headers.get('etag')! },
      });
      expect(second.status).toBe(304);
      expect(second.body).toBeUndefined();
      expect(upstreamCalls()).toBe(calls);
      expect(first.headers.get('cache-control')).toBe('private, max-age=5');
    });

    it('coalesces concurrent identical reads into one set of upstream calls', async () => {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => gateway.request('GET', `${LIST}?limit=5&name=a`)),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
      expect(upstreamCalls()).toBe(4);
    });

    it('is never shared between callers or teams', async () => {
      await gateway.request('GET', `${LIST}?limit=7`);
      const calls = upstreamCalls();
      await gateway.request('GET', `${LIST}?limit=7`, { key: ACME_ONLY_KEY });
      expect(upstreamCalls()).toBeGreaterThan(calls);
      const globex = await gateway.request('GET', '/v1/teams/globex/applications?limit=7');
      expect(globex.body.items.map((item: { id: string }) => item.id)).toEqual([
        'rainbond:region-1:2',
        ...SANDBOX_APP_CENTER.globex.map((seed) => `app-center:${seed.listed.id}`),
        ...SANDBOX_APP_WAREHOUSE.globex.map((seed) => `app-warehouse:${seed.listed.app_id}`),
      ]);
    });

    it('is dropped for a team when the gateway writes to it', async () => {
      await gateway.request('GET', `${LIST}?limit=100`);
      const published = await gateway.request('POST', LIST, {
        body: { ...PUBLISH_EXAMPLES.appWarehouse.value, name: 'fresh' },
      });
      expect(published.status).toBe(201);
      const after = await gateway.request('GET', `${LIST}?limit=100`);
      expect(after.body.items.map((item: { id: string }) => item.id)).toContain(published.body.id);
    });
  });
});

import {
  COPY_EXAMPLE,
  INSTALL_EXAMPLE,
  PUBLISH_EXAMPLES,
  UPGRADE_EXAMPLE,
} from '../src/applications/applications.examples';
import {
  hugeArrayBody,
  manyKeysBody,
  MAX_PROBLEM_BYTES,
  PROTOTYPE_NAMES,
  sendRaw,
  upstreamCalls,
} from './support/hostile-input';
import {
  ACME_ONLY_KEY,
  DEMO_KEY,
  expectProblem,
  fieldsOf,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

// 1 MB bodies, on a machine shared with other suites
jest.setTimeout(60_000);

const APP = '/v1/teams/acme/applications/rainbond:region-1:1';
const PUBLISH = '/v1/teams/acme/applications';
const LIST = '/v1/teams/acme/applications';
const VALIDATION_FAILED = 'https://gateway.internal/problems/validation-failed';

const install = () => structuredClone(INSTALL_EXAMPLE.value) as Record<string, any>;
const copy = () => structuredClone(COPY_EXAMPLE.value) as Record<string, any>;
const upgrade = () => structuredClone(UPGRADE_EXAMPLE.value) as Record<string, any>;
const appCenter = () => structuredClone(PUBLISH_EXAMPLES.appCenter.value) as Record<string, any>;
const warehouse = () => structuredClone(PUBLISH_EXAMPLES.appWarehouse.value) as Record<string, any>;

describe('hostile input: rejected at the edge, small answers, no upstream call', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  /** A 400 validation-failed problem within the size bound, and no call to any simulator. */
  function expectRejected(response: { status: number; body: any; headers: Headers }): any {
    const problem = expectProblem(response, 400);
    expect(problem.type).toBe(VALIDATION_FAILED);
    expect(upstreamCalls(gateway)).toBe(0);
    return problem;
  }

  describe('error amplification (defect 1)', () => {
    it.each([
      ['1 MB of array items on upgrade', `${APP}/upgrade`, hugeArrayBody(1_000_000)],
      ['85,000 unknown keys (1 MB) on install', `${APP}/install`, manyKeysBody(85_000)],
    ])('answers %s with one small problem', async (_case, path, body) => {
      const response = await sendRaw(gateway, 'POST', path, body, DEMO_KEY);
      const problem = expectRejected(response);
      expect(response.bytes).toBeLessThanOrEqual(MAX_PROBLEM_BYTES);
      expect(problem.errors.length).toBeLessThanOrEqual(20);
      expect(problem.errorCount).toBeGreaterThanOrEqual(1);
    });

    it('lists at most 20 field errors and counts all of them', async () => {
      const versions = Array.from({ length: 100 }, () =>
        Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`unknown${i}`, 1])),
      );
      const response = await gateway.request('POST', `${APP}/upgrade`, { body: { versions } });
      const problem = expectRejected(response);
      expect(problem.errors).toHaveLength(20);
      expect(problem.errorCount).toBe(1500);
      expect(Buffer.byteLength(JSON.stringify(problem))).toBeLessThanOrEqual(MAX_PROBLEM_BYTES);
    });

    it('caps the errors class-validator finds as well', async () => {
      const versions = Array.from({ length: 100 }, () => ({}));
      const problem = expectRejected(
        await gateway.request('POST', `${APP}/upgrade`, { body: { versions } }),
      );
      expect(problem.errors).toHaveLength(20);
      expect(problem.errorCount).toBe(200);
    });

    it('checks an array bound before its items: 101 versions is one error', async () => {
      const versions = Array.from({ length: 101 }, () => 0);
      const problem = expectRejected(
        await gateway.request('POST', `${APP}/upgrade`, { body: { versions } }),
      );
      expect(problem.errors).toEqual([
        { field: 'versions', message: 'must contain at most 100 items' },
      ]);
    });

    it('shows an unknown key cut short', async () => {
      const problem = expectRejected(
        await gateway.request('POST', `${APP}/install`, {
          body: { ...install(), ['x'.repeat(10_000)]: 1 },
        }),
      );
      expect(problem.errors[0].field.length).toBeLessThanOrEqual(65);
    });
  });

  describe('ids and numbers are exact integers in the upstream range (defect 3)', () => {
    it.each([
      'rainbond:region-1:9007199254740993',
      'rainbond:region-1:9999999999999999',
      'rainbond:region-1:2147483648',
      'rainbond:region-1:0',
      'rainbond:region-1:01',
      'rainbond:region-1:1e3',
    ])('rejects the path id %s', async (id) => {
      const response = await gateway.request('GET', `${LIST}/${id}`);
      expect(fieldsOf(expectRejected(response))).toEqual(['id']);
    });

    it('sends the largest 32-bit app id to Rainbond exactly as given', async () => {
      await gateway.request('GET', `${LIST}/rainbond:region-1:2147483647`);
      expect(gateway.sandbox.calls('rainbond')[0].path).toMatch(/\/apps\/2147483647(?:\/|$|\?)/);
    });

    it('rejects a copy target app id beyond the 32-bit range', async () => {
      const body = copy();
      body.target.applicationId = 'rainbond:region-1:9007199254740993';
      const response = await gateway.request('POST', `${APP}/copy`, { body });
      expect(fieldsOf(expectRejected(response))).toEqual(['target.applicationId']);
    });

    it.each([2147483648, 2 ** 53 + 2, 1.5, -1, '401'])(
      'rejects fileSizeKb %p',
      async (fileSizeKb) => {
        const response = await gateway.request('POST', PUBLISH, {
          body: { ...warehouse(), fileSizeKb },
        });
        expect(fieldsOf(expectRejected(response))).toEqual(['fileSizeKb']);
      },
    );

    it.each(['abc', '1e2', '0x10', '1.5', '-1', ' 5', ''])(
      'says limit=%p is not an integer',
      async (limit) => {
        const response = await gateway.request('GET', `${LIST}?limit=${encodeURIComponent(limit)}`);
        expect(expectRejected(response).errors).toEqual([
          { field: 'limit', message: 'must be an integer' },
        ]);
      },
    );

    it('says limit=101 is too large', async () => {
      const problem = expectRejected(await gateway.request('GET', `${LIST}?limit=101`));
      expect(problem.errors).toEqual([{ field: 'limit', message: 'must not be greater than 100' }]);
    });
  });

  describe('an array where an object is expected (defect 4)', () => {
    it.each<[string, string, () => Record<string, any>, string]>([
      ['market: []', `${APP}/install`, () => ({ ...install(), market: [] }), 'market'],
      [
        'market: [{…}]',
        `${APP}/install`,
        () => ({ ...install(), market: [install().market] }),
        'market',
      ],
      ['fileStore: []', PUBLISH, () => ({ ...appCenter(), fileStore: [] }), 'fileStore'],
      [
        'bucket: [...]',
        PUBLISH,
        () => ({ ...appCenter(), fileStore: { storeType: 'OBS', bucket: [{ filePath: 'a' }] } }),
        'fileStore.bucket',
      ],
      ['target: []', `${APP}/copy`, () => ({ ...copy(), target: [] }), 'target'],
      ['components: [[]]', `${APP}/copy`, () => ({ ...copy(), components: [[]] }), 'components.0'],
      ['versions: [[]]', `${APP}/upgrade`, () => ({ versions: [[]] }), 'versions.0'],
      ['a body that is an array', `${APP}/upgrade`, () => [upgrade()] as any, 'body'],
    ])('rejects %s', async (_case, path, body, field) => {
      const response = await gateway.request('POST', path, { body: body() });
      expect(expectRejected(response).errors).toEqual([{ field, message: 'must be an object' }]);
    });
  });

  describe('null is rejected, never forwarded (defect 5)', () => {
    it('rejects the App Warehouse nulls of the report, each on its field', async () => {
      const response = await gateway.request('POST', PUBLISH, {
        body: { ...warehouse(), fileSizeKb: null, icon: null, description: null },
      });
      const problem = expectRejected(response);
      expect(fieldsOf(problem).sort()).toEqual(['description', 'fileSizeKb', 'icon']);
      expect(problem.errors[0].message).toBe('must not be null; leave the field out instead');
    });
    // every other field of every body: see the property suite's null case per documented field
  });

  describe('Object.prototype member names are unknown fields (defect 6)', () => {
    it.each(PROTOTYPE_NAMES)('rejects %s at the top level and nested', async (name) => {
      // computed keys are own properties, `__proto__` included, as JSON.parse makes them
      for (const [path, body, field] of [
        [`${APP}/install`, { ...install(), [name]: 1 }, name],
        [
          `${APP}/install`,
          { ...install(), market: { ...install().market, [name]: 1 } },
          `market.${name}`,
        ],
        [`${APP}/copy`, { ...copy(), target: { ...copy().target, [name]: 1 } }, `target.${name}`],
        [
          `${APP}/upgrade`,
          { versions: [{ ...upgrade().versions[0], [name]: 1 }] },
          `versions.0.${name}`,
        ],
        [
          PUBLISH,
          { ...appCenter(), fileStore: { ...appCenter().fileStore, [name]: 1 } },
          `fileStore.${name}`,
        ],
      ] as const) {
        const response = await sendRaw(gateway, 'POST', path, JSON.stringify(body), DEMO_KEY);
        expect({ field, fields: fieldsOf(expectRejected(response)) }).toEqual({
          field,
          fields: [field],
        });
      }
    });

    it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty'])(
      'rejects ?%s= in a query',
      async (name) => {
        for (const path of [`${LIST}?${name}=1`, `${APP}/upgrades?${name}=x`]) {
          const response = await gateway.request('GET', path);
          expect(fieldsOf(expectRejected(response))).toEqual([name]);
        }
      },
    );
  });

  describe('one message per field (issue 17)', () => {
    it('names a missing field as required, once', async () => {
      const { appModelId: _dropped, ...body } = install();
      const problem = expectRejected(await gateway.request('POST', `${APP}/install`, { body }));
      expect(problem.errors).toEqual([{ field: 'appModelId', message: 'is required' }]);
    });

    it('names the type when the value has the wrong type', async () => {
      const problem = expectRejected(
        await gateway.request('POST', `${APP}/install`, { body: { ...install(), appModelId: 7 } }),
      );
      expect(problem.errors).toEqual([{ field: 'appModelId', message: 'must be a string' }]);
    });
  });

  describe('copy target ownership (defect 11)', () => {
    it('answers 404 application-not-found for a target app of another team, without copying', async () => {
      const response = await gateway.request('POST', `${APP}/copy`, {
        key: ACME_ONLY_KEY,
        body: { target: { team: 'acme', applicationId: 'rainbond:region-1:2' } },
      });
      const problem = expectProblem(response, 404);
      expect(problem.type).toBe('https://gateway.internal/problems/application-not-found');
      expect(problem.detail).toContain('rainbond:region-1:2');
      expect(gateway.sandbox.calls('rainbond').map((call) => call.method)).toEqual(['GET', 'GET']);
      expect(gateway.sandbox.writes('rainbond')).toEqual([]);
    });
  });
});

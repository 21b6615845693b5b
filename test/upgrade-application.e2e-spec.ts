import {
  expectProblem,
  fieldsOf,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

const UPGRADE = '/v1/teams/acme/applications/rainbond:region-1:1/upgrade';
const toVersion = (appModelVersion: string) => ({
  versions: [{ marketName: 'rainstore', appModelId: 'a1b2c3d4e5f6', appModelVersion }],
});

describe('POST /v1/teams/{team}/applications/{id}/upgrade', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  it('upgrades and answers the app models as Rainbond reads them afterwards', async () => {
    const response = await gateway.request('POST', UPGRADE, { body: toVersion('1.1.0') });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: 'rainbond:region-1:1',
      provider: 'rainbond',
      name: 'demo-shop',
      owner: { team: 'acme' },
    });
    expect(response.body.components.length).toBeGreaterThan(0);
    expect(response.body.rainbond.appModels).toEqual([
      expect.objectContaining({
        appModelId: 'a1b2c3d4e5f6',
        appModelName: 'nginx-demo',
        currentVersion: '1.1.0',
        canUpgrade: true,
        upgradeVersions: ['1.2.0'],
      }),
    ]);
    expect(gateway.sandbox.calls('rainbond')[0].body).toEqual({
      update_versions: [
        { market_name: 'rainstore', app_model_id: 'a1b2c3d4e5f6', app_model_version: '1.1.0' },
      ],
    });
  });

  it('sends market_name null for the local library when no market is named', async () => {
    await gateway.request('POST', UPGRADE, {
      body: { versions: [{ appModelId: 'a1b2c3d4e5f6', appModelVersion: '1.1.0' }] },
    });
    expect(gateway.sandbox.calls('rainbond')[0].body.update_versions[0].market_name).toBeNull();
  });

  describe('validation (400, nothing sent upstream)', () => {
    it.each([
      ['an empty version list', { versions: [] }, 'versions'],
      ['a missing version list', {}, 'versions'],
      [
        'an app model id over 32 characters',
        { versions: [{ appModelId: 'a'.repeat(33), appModelVersion: '1' }] },
        'versions.0.appModelId',
      ],
      [
        'a missing version',
        { versions: [{ appModelId: 'a1b2c3d4e5f6' }] },
        'versions.0.appModelVersion',
      ],
    ])('rejects %s', async (_, body, field) => {
      const response = await gateway.request('POST', UPGRADE, { body });
      expect(fieldsOf(expectProblem(response, 400))).toContain(field);
      expect(gateway.sandbox.calls('rainbond')).toEqual([]);
    });

    it('rejects an App Warehouse id', async () => {
      const response = await gateway.request(
        'POST',
        '/v1/teams/acme/applications/app-warehouse:123/upgrade',
        { body: toVersion('1.1.0') },
      );
      expect(fieldsOf(expectProblem(response, 400))).toEqual(['id']);
    });
  });

  it('answers 401 for a wrong API key', async () => {
    expectProblem(
      await gateway.request('POST', UPGRADE, { body: toVersion('1.1.0'), key: 'wrong' }),
      401,
    );
    expect(gateway.sandbox.calls('rainbond')).toEqual([]);
  });

  describe('upstream errors', () => {
    afterEach(() => gateway.sandbox.faults.clear());

    it('carries an upstream error for a version the market does not have', async () => {
      const problem = expectProblem(
        await gateway.request('POST', UPGRADE, { body: toVersion('9.9.9') }),
        404,
      );
      expect(problem.upstream).toMatchObject({ provider: 'rainbond', status: 404 });
    });

    it('maps a body that is not JSON to 502', async () => {
      gateway.sandbox.faults.inject('rainbond', { kind: 'malformed' });
      expectProblem(await gateway.request('POST', UPGRADE, { body: toVersion('1.1.0') }), 502);
    });
  });
});

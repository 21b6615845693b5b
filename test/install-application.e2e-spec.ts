import { SANDBOX_WORLD } from '../sandbox/sandbox-world';
import {
  expectProblem,
  fieldsOf,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

const ACME = SANDBOX_WORLD.rainbond.teams.acme;
const INSTALL = '/v1/teams/acme/applications/rainbond:region-1:1/install';

const installBody = () => ({
  market: { url: 'https://hub.grapps.cn', domain: 'rainbond' },
  appModelId: 'b7c8d9e0f1a2',
  appModelVersion: '7.0.0',
});

describe('POST /v1/teams/{team}/applications/{id}/install', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  it('installs with the raw team token and the seed wire body, and answers the app with all its components', async () => {
    const response = await gateway.request('POST', INSTALL, { body: installBody() });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: 'rainbond:region-1:1',
      provider: 'rainbond',
      name: 'demo-shop',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      owner: { team: 'acme', tenantId: ACME.tenantId },
      rainbond: {
        region: 'region-1',
        enterpriseId: SANDBOX_WORLD.rainbond.enterpriseId,
      },
    });
    const asRead = (await gateway.request('GET', '/v1/teams/acme/applications/rainbond:region-1:1'))
      .body;
    // the read's shape, plus the links to the work's progress every write answer carries
    expect(Object.keys(response.body).sort()).toEqual([...Object.keys(asRead), 'links'].sort());
    const names = response.body.components.map((component: { name: string }) => component.name);
    expect(names).toEqual(expect.arrayContaining(['nginx', 'redis']));

    const [call, read] = gateway.sandbox.calls('rainbond');
    expect(read).toMatchObject({
      method: 'GET',
      path: `/openapi/v1/teams/${ACME.tenantName}/regions/region-1/apps/1`,
    });
    expect(call.method).toBe('POST');
    expect(call.path).toBe(`/openapi/v1/teams/${ACME.tenantName}/regions/region-1/apps/1/install`);
    expect(call.headers.authorization).toBe(gateway.sandbox.secrets.rainbondTokens.acme);
    expect(call.body).toEqual({
      market_url: 'https://hub.grapps.cn',
      market_domain: 'rainbond',
      market_type: 'rainstore',
      market_access_key: null,
      app_model_id: 'b7c8d9e0f1a2',
      app_model_version: '7.0.0',
    });
  });

  it('asks for a deploy only when deploy is true', async () => {
    await gateway.request('POST', INSTALL, { body: { ...installBody(), deploy: true } });
    await gateway.request('POST', INSTALL, { body: installBody() });
    const [deployed, plain] = gateway.sandbox.calls('rainbond');
    expect(deployed.path).toMatch(/\?(.*&)?is_deploy=true/);
    expect(plain.path).not.toContain('?');
  });

  describe('validation (400, nothing sent upstream)', () => {
    it.each([
      ['a missing app model id', { appModelId: undefined }, 'appModelId'],
      [
        'a market URL that is not a URL',
        { market: { url: 'hub', domain: 'rainbond' } },
        'market.url',
      ],
      [
        'a market domain over 64 characters',
        { market: { url: 'https://hub.grapps.cn', domain: 'd'.repeat(65) } },
        'market.domain',
      ],
      ['a version over 64 characters', { appModelVersion: '1'.repeat(65) }, 'appModelVersion'],
      ['deploy given as a string', { deploy: 'yes' }, 'deploy'],
      ['an unknown field', { is_deploy: true }, 'is_deploy'],
    ])('rejects %s', async (_, change, field) => {
      const response = await gateway.request('POST', INSTALL, {
        body: { ...installBody(), ...change },
      });
      expect(fieldsOf(expectProblem(response, 400))).toContain(field);
      expect(gateway.sandbox.calls('rainbond')).toEqual([]);
    });

    it.each([
      ['a malformed id', 'rainbond:region-1:abc', 400],
      ['an id with a path segment smuggled in', 'rainbond:region-1:1%2F..%2F2', 400],
      ['an App Center id (install is Rainbond-only)', 'app-center:x-xx-xxx', 400],
      ['a region the team does not have', 'rainbond:region-9:1', 404],
    ])('rejects %s', async (_, id, status) => {
      const response = await gateway.request('POST', `/v1/teams/acme/applications/${id}/install`, {
        body: installBody(),
      });
      expectProblem(response, status);
      expect(gateway.sandbox.calls('rainbond')).toEqual([]);
    });
  });

  it('answers 401 without an API key and 404 for a team the caller may not use', async () => {
    expectProblem(await gateway.request('POST', INSTALL, { body: installBody(), key: null }), 401);
    expectProblem(
      await gateway.request('POST', '/v1/teams/globex/applications/rainbond:region-1:2/install', {
        body: installBody(),
        key: 'e2e-acme-only-key',
      }),
      404,
    );
    expect(gateway.sandbox.calls('rainbond')).toEqual([]);
  });

  describe('upstream errors', () => {
    afterEach(() => gateway.sandbox.faults.clear());

    it('carries an upstream 404 for an app that does not exist', async () => {
      const response = await gateway.request(
        'POST',
        '/v1/teams/acme/applications/rainbond:region-1:999/install',
        {
          body: installBody(),
        },
      );
      expect(expectProblem(response, 404).upstream).toMatchObject({
        provider: 'rainbond',
        status: 404,
        message: 'no found app',
      });
    });

    it('carries an upstream 404 for an app model the market does not have', async () => {
      const response = await gateway.request('POST', INSTALL, {
        body: { ...installBody(), appModelId: 'nope' },
      });
      expect(expectProblem(response, 404).upstream).toMatchObject({
        provider: 'rainbond',
        status: 404,
      });
    });

    it('maps an upstream 500 to 502 without passing on its traceback', async () => {
      gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 500 });
      const problem = expectProblem(
        await gateway.request('POST', INSTALL, { body: installBody() }),
        502,
      );
      expect(problem.upstream).toMatchObject({ provider: 'rainbond', status: 500 });
      expect(JSON.stringify(problem)).not.toMatch(/Traceback/);
    });

    it('maps a Rainbond 401 (our token refused) to 502', async () => {
      gateway.sandbox.faults.inject('rainbond', { kind: 'expired-token' });
      const problem = expectProblem(
        await gateway.request('POST', INSTALL, { body: installBody() }),
        502,
      );
      expect(problem.type).toMatch(/upstream-credentials-rejected$/);
    });

    it('maps a connection reset to 502', async () => {
      gateway.sandbox.faults.inject('rainbond', { kind: 'reset' });
      const problem = expectProblem(
        await gateway.request('POST', INSTALL, { body: installBody() }),
        502,
      );
      expect(problem.type).toMatch(/upstream-unavailable$/);
    });
  });
});

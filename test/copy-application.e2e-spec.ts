import { SANDBOX_WORLD } from '../sandbox/sandbox-world';
import {
  ACME_ONLY_KEY,
  expectProblem,
  fieldsOf,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

const { acme: ACME, globex: GLOBEX } = SANDBOX_WORLD.rainbond.teams;
const COPY = '/v1/teams/acme/applications/rainbond:region-1:1/copy';
const toGlobex = { team: 'globex', applicationId: 'rainbond:region-1:2' };

describe('POST /v1/teams/{team}/applications/{id}/copy', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  it("copies every component into the target team's app when no components are named", async () => {
    const response = await gateway.request('POST', COPY, { body: { target: toGlobex } });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: 'rainbond:region-1:2',
      provider: 'rainbond',
      owner: { team: 'globex', tenantId: GLOBEX.tenantId },
    });
    expect(response.body.components.length).toBeGreaterThan(0);
    expect(response.body.components[0]).toMatchObject({
      name: 'nginx',
      placement: { tenantId: GLOBEX.tenantId },
    });

    const [check, targetCheck, call] = gateway.sandbox.calls('rainbond');
    expect(check).toMatchObject({
      method: 'GET',
      path: `/openapi/v1/teams/${ACME.tenantName}/regions/region-1/apps/1`,
    });
    expect(targetCheck).toMatchObject({
      method: 'GET',
      path: `/openapi/v1/teams/${GLOBEX.tenantName}/regions/region-1/apps/2`,
    });
    expect(call.path).toBe(`/openapi/v1/teams/${ACME.tenantName}/regions/region-1/apps/1/copy`);
    expect(call.body).toEqual({
      services: [],
      target_team_name: GLOBEX.tenantName,
      target_region_name: 'region-1',
      target_app_id: 2,
    });
  });

  it('copies only the named components, passing change through', async () => {
    const installed = await gateway.request(
      'POST',
      '/v1/teams/acme/applications/rainbond:region-1:1/install',
      {
        body: {
          market: { url: 'https://hub.grapps.cn', domain: 'rainbond' },
          appModelId: 'a1b2c3d4e5f6',
          appModelVersion: '1.0.0',
        },
      },
    );
    const componentId: string = installed.body.components[0].id;
    gateway.sandbox.resetCalls();

    const response = await gateway.request('POST', COPY, {
      body: { target: toGlobex, components: [{ id: componentId, change: 'v2' }] },
    });
    expect(response.status).toBe(200);
    expect(response.body.components).toHaveLength(1);
    expect(gateway.sandbox.calls('rainbond')[2].body.services).toEqual([
      { service_id: componentId, change: 'v2' },
    ]);
  });

  describe('validation (400, nothing sent upstream)', () => {
    it.each([
      ['a missing target', {}, 'target'],
      [
        'a target application that is not a Rainbond id',
        { target: { team: 'globex', applicationId: 'app-center:x' } },
        'target.applicationId',
      ],
      [
        'a target app id that is not an integer',
        { target: { team: 'globex', applicationId: 'rainbond:region-1:two' } },
        'target.applicationId',
      ],
      [
        'a malformed component id',
        { target: toGlobex, components: [{ id: '../x' }] },
        'components.0.id',
      ],
      [
        'a target region the target team does not have',
        { target: { team: 'globex', applicationId: 'rainbond:region-2:2' } },
        'target.applicationId',
      ],
    ])('rejects %s', async (_, body, field) => {
      const response = await gateway.request('POST', COPY, { body });
      expect(fieldsOf(expectProblem(response, 400))).toContain(field);
      expect(gateway.sandbox.calls('rainbond')).toEqual([]);
    });
  });

  it("answers 404 for another team's app under this team's path, without copying anything", async () => {
    const response = await gateway.request(
      'POST',
      '/v1/teams/acme/applications/rainbond:region-1:2/copy',
      { body: { target: { team: 'acme', applicationId: 'rainbond:region-2:3' } } },
    );
    expectProblem(response, 404);
    expect(gateway.sandbox.calls('rainbond').map((call) => call.method)).toEqual(['GET']);
  });

  describe('team isolation (404, nothing sent upstream)', () => {
    it('refuses a copy target team the caller may not use', async () => {
      const response = await gateway.request('POST', COPY, {
        body: { target: toGlobex },
        key: ACME_ONLY_KEY,
      });
      expectProblem(response, 404);
      expect(gateway.sandbox.calls('rainbond')).toEqual([]);
    });

    it('refuses an unknown copy target team', async () => {
      const response = await gateway.request('POST', COPY, {
        body: { target: { ...toGlobex, team: 'ghost' } },
      });
      expectProblem(response, 404);
      expect(gateway.sandbox.calls('rainbond')).toEqual([]);
    });

    it('answers 401 without an API key', async () => {
      expectProblem(
        await gateway.request('POST', COPY, { body: { target: toGlobex }, key: null }),
        401,
      );
      expect(gateway.sandbox.calls('rainbond')).toEqual([]);
    });
  });

  describe('upstream errors', () => {
    afterEach(() => gateway.sandbox.faults.clear());

    it("carries Rainbond's 404 when the token user is not a member of the target team", async () => {
      const response = await gateway.request(
        'POST',
        '/v1/teams/globex/applications/rainbond:region-1:2/copy',
        {
          body: { target: { team: 'acme', applicationId: 'rainbond:region-1:1' } },
        },
      );
      expect(expectProblem(response, 404).upstream).toMatchObject({
        provider: 'rainbond',
        status: 404,
      });
    });

    it('answers an upstream 400 for a component not in the source app as 502 upstream-rejected', async () => {
      const response = await gateway.request('POST', COPY, {
        body: { target: toGlobex, components: [{ id: 'f'.repeat(32) }] },
      });
      const problem = expectProblem(response, 502);
      expect(problem.type).toBe('https://gateway.internal/problems/upstream-rejected');
      expect(problem.upstream).toMatchObject({ provider: 'rainbond', status: 400 });
    });

    it('maps an upstream 503 to 502', async () => {
      gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 503 });
      expectProblem(await gateway.request('POST', COPY, { body: { target: toGlobex } }), 502);
    });
  });
});

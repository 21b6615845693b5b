import { startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';
import { rainbond, SERVICE_BASE_INFO_FIELDS } from './sandbox.test-helpers';

const { teams, market, enterpriseId } = SANDBOX_WORLD.rainbond;
const NGINX = market.models[0];
const REDIS = market.models[1];
const scope = (team: SandboxTeamKey) => `/teams/${teams[team].tenantName}/regions/region-1`;
const INSTALL = {
  market_url: market.url,
  market_domain: market.domain,
  market_type: 'rainstore',
  market_access_key: null,
};

describe('Rainbond simulator: copy and upgrade', () => {
  let sandbox: Sandbox;

  interface TestApp {
    appId: number;
    /** ServiceBaseInfo of every component, as the last install answered. */
    components: { service_id: string; service_cname: string }[];
  }

  /** A fresh app of `team` with the given models installed (model id → version). */
  const appWith = async (
    team: SandboxTeamKey,
    models: [string, string][] = [],
  ): Promise<TestApp> => {
    const name = `app-${Math.random().toString(36).slice(2)}`;
    const created = await rainbond(sandbox, `${scope(team)}/apps`, {
      as: team,
      json: { app_name: name },
    });
    const app: TestApp = { appId: created.body.ID, components: [] };
    for (const [modelId, version] of models) {
      const body = { ...INSTALL, app_model_id: modelId, app_model_version: version };
      const installed = await rainbond(sandbox, `${scope(team)}/apps/${app.appId}/install`, {
        as: team,
        json: body,
      });
      app.components = installed.body.service_list;
    }
    return app;
  };
  /** A copy body into `target` of acme in region-1. */
  const copyBody = (target: number, overrides: Record<string, unknown> = {}) => ({
    services: [],
    target_team_name: teams.acme.tenantName,
    target_region_name: 'region-1',
    target_app_id: target,
    ...overrides,
  });
  const copy = (appId: number, body: unknown, as: SandboxTeamKey = 'acme') =>
    rainbond(sandbox, `${scope('acme')}/apps/${appId}/copy`, { as, json: body });
  const upgradeUrl = (appId: number) => `${scope('acme')}/apps/${appId}/upgrade`;
  const upgradeTo = (
    modelId: string,
    version: string,
    marketName: string | null = market.name,
  ) => ({
    update_versions: [
      { market_name: marketName, app_model_id: modelId, app_model_version: version },
    ],
  });

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  describe('copy', () => {
    it('copies every component into the target app of another team when services is empty', async () => {
      const source = await appWith('acme', [
        [NGINX.id, '1.0.0'],
        [REDIS.id, '7.0.0'],
      ]);
      const target = await appWith('globex');
      const response = await copy(
        source.appId,
        copyBody(target.appId, { target_team_name: teams.globex.tenantName }),
      );
      expect(response.status).toBe(200);
      expect(response.body.services).toHaveLength(2);
      for (const service of response.body.services) {
        expect(Object.keys(service).sort()).toEqual(SERVICE_BASE_INFO_FIELDS);
        expect(service).toMatchObject({
          tenant_id: teams.globex.tenantId,
          service_region: 'region-1',
        });
      }
      const info = await rainbond(sandbox, `${scope('globex')}/apps/${target.appId}`, {
        as: 'globex',
      });
      expect(info.body).toMatchObject({
        service_count: 2,
        running_service_count: 2,
        status: 'running',
      });
    });

    it('copies only the listed components, under new service ids', async () => {
      const source = await appWith('acme', [
        [NGINX.id, '1.0.0'],
        [REDIS.id, '7.0.0'],
      ]);
      const target = await appWith('acme');
      const redis = source.components.find((component) => component.service_cname === 'redis');
      const response = await copy(
        source.appId,
        copyBody(target.appId, { services: [{ service_id: redis?.service_id }] }),
      );
      expect(response.status).toBe(200);
      expect(response.body.services).toHaveLength(1);
      expect(response.body.services[0]).toMatchObject({
        service_cname: 'redis',
        image: 'redis:7.0.0',
      });
      expect(response.body.services[0].service_id).not.toBe(redis?.service_id);
    });

    it('rejects a service_id that is not a component of the source app with 400', async () => {
      const target = await appWith('acme');
      const response = await copy(
        1,
        copyBody(target.appId, { services: [{ service_id: 'f'.repeat(32) }] }),
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 400, data: { bean: {}, list: [] } });
    });

    it('rejects a target_app_id that is not an integer with the DRF 400 shape', async () => {
      const response = await copy(1, copyBody(1, { target_app_id: 'abc' }));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        detail: '参数错误',
        err: { target_app_id: ['A valid integer is required.'] },
        code: 20400,
        error_type: 'ValidationError',
      });
    });

    it('requires services, target_team_name, target_region_name and target_app_id', async () => {
      const response = await copy(1, {});
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.err).sort()).toEqual([
        'services',
        'target_app_id',
        'target_region_name',
        'target_team_name',
      ]);
    });

    it('requires a service_id in each services entry', async () => {
      const response = await copy(1, copyBody(1, { services: [{}] }));
      expect(response.body.err).toEqual({
        services: [{ service_id: ['This field is required.'] }],
      });
    });

    it.each([
      ['named by tenant_id instead of tenant_name', 'acme', teams.globex.tenantId, 'region-1'],
      ['the token user is not a member of', 'globex', teams.acme.tenantName, 'region-1'],
      ['not opened in the target region', 'acme', teams.globex.tenantName, 'region-2'],
    ] as const)('answers 404 for a target team %s', async (_case, as, teamName, region) => {
      const body = copyBody(2, { target_team_name: teamName, target_region_name: region });
      const response = await copy(1, body, as);
      expect(response.status).toBe(404);
      expect(response.body.msg).toBe('no found team or team not join this region');
    });

    it('answers 404 "no found group app" for a missing target app', async () => {
      const response = await copy(1, copyBody(99_999));
      expect(response.status).toBe(404);
      expect(response.body.msg).toBe('no found group app');
    });

    it('answers 400 "group app and team relation no found" for a target app of another team', async () => {
      const response = await copy(1, copyBody(2));
      expect(response.status).toBe(400);
      expect(response.body.msg).toBe('group app and team relation no found');
    });
  });

  describe('upgrade', () => {
    it('lists the installed models with their newer versions (GET)', async () => {
      const { appId } = await appWith('acme', [[NGINX.id, '1.0.0']]);
      const response = await rainbond(sandbox, upgradeUrl(appId));
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        {
          market_name: market.name,
          app_model_id: NGINX.id,
          app_model_name: NGINX.name,
          current_version: '1.0.0',
          enterprise_id: enterpriseId,
          can_upgrade: true,
          upgrade_versions: ['1.1.0', '1.2.0'],
          source: 'market',
        },
      ]);
    });

    it('upgrades a model and answers the re-read list with the new current_version', async () => {
      const { appId } = await appWith('acme', [[NGINX.id, '1.0.0']]);
      const response = await rainbond(sandbox, upgradeUrl(appId), {
        json: upgradeTo(NGINX.id, '1.2.0'),
      });
      expect(response.status).toBe(200);
      expect(response.body[0]).toMatchObject({
        current_version: '1.2.0',
        can_upgrade: false,
        upgrade_versions: [],
      });
    });

    it("moves the model's components to the new version and image", async () => {
      const { appId } = await appWith('acme', [[NGINX.id, '1.0.0']]);
      await rainbond(sandbox, upgradeUrl(appId), { json: upgradeTo(NGINX.id, '1.1.0') });
      const body = { ...INSTALL, app_model_id: REDIS.id, app_model_version: '7.0.0' };
      const installed = await rainbond(sandbox, `${scope('acme')}/apps/${appId}/install`, {
        json: body,
      });
      expect(installed.body.service_list[0]).toMatchObject({
        service_cname: 'nginx',
        version: '1.1.0',
        image: 'nginx:1.1.0',
        update_version: 2,
      });
    });

    it('silently skips models that have no component in the app', async () => {
      const { appId } = await appWith('acme', [[NGINX.id, '1.0.0']]);
      const response = await rainbond(sandbox, upgradeUrl(appId), {
        json: upgradeTo(REDIS.id, '9.9.9'),
      });
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(1);
      expect(response.body[0].current_version).toBe('1.0.0');
    });

    it('answers 404 云端应用版本不存在 for an unknown version of an installed model', async () => {
      const { appId } = await appWith('acme', [[NGINX.id, '1.0.0']]);
      const response = await rainbond(sandbox, upgradeUrl(appId), {
        json: upgradeTo(NGINX.id, '9.9.9'),
      });
      expect(response.status).toBe(404);
      expect(response.body.msg_show).toBe('云端应用版本不存在');
    });

    it.each([null, 'other-market'])(
      'answers 404 when market_name is %s, not the installing market',
      async (name) => {
        const { appId } = await appWith('acme', [[NGINX.id, '1.0.0']]);
        const response = await rainbond(sandbox, upgradeUrl(appId), {
          json: upgradeTo(NGINX.id, '1.1.0', name),
        });
        expect(response.status).toBe(404);
      },
    );

    it('requires update_versions', async () => {
      const response = await rainbond(sandbox, upgradeUrl(1), { json: {} });
      expect(response.status).toBe(400);
      expect(response.body.err).toEqual({ update_versions: ['This field is required.'] });
    });

    it('rejects an app_model_id longer than 32 characters per entry', async () => {
      const response = await rainbond(sandbox, upgradeUrl(1), {
        json: upgradeTo('x'.repeat(33), '1.1.0'),
      });
      expect(response.body.err).toEqual({
        update_versions: [{ app_model_id: ['Ensure this field has no more than 32 characters.'] }],
      });
    });

    it('requires market_name to be present, even as null', async () => {
      const body = { update_versions: [{ app_model_id: NGINX.id, app_model_version: '1.1.0' }] };
      const response = await rainbond(sandbox, upgradeUrl(1), { json: body });
      expect(response.body.err).toEqual({
        update_versions: [{ market_name: ['This field is required.'] }],
      });
    });
  });
});

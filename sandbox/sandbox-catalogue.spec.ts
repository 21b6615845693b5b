import { startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_APP_CENTER, SANDBOX_APP_WAREHOUSE, seededByProject } from './sandbox-catalogue';
import { SANDBOX_WORLD, type SandboxTeamKey } from './sandbox-world';
import { http, iamToken, rainbond, WORKSPACE } from './sandbox.test-helpers';

const TEAMS: SandboxTeamKey[] = ['acme', 'globex'];
const DATA_IMAGE = /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+={0,2}$/;

describe('seededByProject', () => {
  it("keys each team's built seeds by the team's Workspace project id", () => {
    const built = seededByProject({ acme: [1, 2], globex: [3] }, (seed, project) => ({
      seed,
      tenantId: project.tenantId,
    }));
    expect([...built.keys()]).toEqual([
      WORKSPACE.users.acme.projectId,
      WORKSPACE.users.globex.projectId,
    ]);
    expect(built.get(WORKSPACE.users.globex.projectId)).toEqual([
      { seed: 3, tenantId: WORKSPACE.users.globex.tenantId },
    ]);
  });
});

describe('the catalogue a fresh sandbox starts with', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  async function list(target: 'appCenter' | 'appWarehouse', team: SandboxTeamKey) {
    const path = target === 'appCenter' ? 'app-center' : 'app-warehouse';
    const url = `${sandbox.urls[target]}/v1/${WORKSPACE.users[team].projectId}/${path}/apps?limit=100`;
    const response = await http(url, {
      headers: { 'x-auth-token': await iamToken(sandbox, team) },
    });
    expect(response.status).toBe(200);
    return response.body as { count: number; items: Record<string, unknown>[] };
  }

  it.each(TEAMS)(
    "lists %s's App Center apps newest first, as UploadApp answers them",
    async (team) => {
      const { count, items } = await list('appCenter', team);
      const seeds = SANDBOX_APP_CENTER[team];
      expect(count).toBe(seeds.length);
      expect(items.map((item) => item.id)).toEqual(seeds.map((seed) => seed.listed.id));
      const times = items.map((item) => String(item.create_time));
      expect(times).toEqual([...times].sort().reverse());
      for (const item of items) {
        expect(item).toMatchObject({
          tenant_id: WORKSPACE.users[team].tenantId,
          status: 'NORMAL',
          catalog: expect.any(String),
          version: expect.any(String),
        });
        expect(item.app_icon_url).toMatch(DATA_IMAGE);
      }
    },
  );

  it.each(TEAMS)(
    "lists %s's App Warehouse apps, verified or being verified, sizes as strings",
    async (team) => {
      const { count, items } = await list('appWarehouse', team);
      const seeds = SANDBOX_APP_WAREHOUSE[team];
      expect(count).toBe(seeds.length);
      expect(items.map((item) => item.app_id)).toEqual(seeds.map((seed) => seed.listed.app_id));
      for (const item of items) {
        expect(item.app_file_size).toEqual(expect.stringMatching(/^\d+$/));
        expect(['VERIFYING', 'VERIFY_PASS']).toContain(item.verify_status);
        expect(item.app_icon).toMatch(DATA_IMAGE);
      }
    },
  );

  it('finds a seeded warehouse app by its app_id, as the gateway does for a get', async () => {
    const [seed] = SANDBOX_APP_WAREHOUSE.acme;
    const url = `${sandbox.urls.appWarehouse}/v1/${WORKSPACE.users.acme.projectId}/app-warehouse/apps?app_id=${seed.listed.app_id}`;
    const response = await http(url, { headers: { 'x-auth-token': await iamToken(sandbox) } });
    expect(response.body.items).toEqual([expect.objectContaining(seed.listed)]);
  });

  it('starts Rainbond app nginx-web with a component of each installed model and an upgrade on offer', async () => {
    const base = `/teams/${SANDBOX_WORLD.rainbond.teams.acme.tenantName}/regions/region-1/apps/4`;
    const services = await rainbond(sandbox, `${base}/services`);
    expect(
      services.body.map((service: { service_cname: string }) => service.service_cname),
    ).toEqual(['nginx', 'redis']);
    const upgrades = await rainbond(sandbox, `${base}/upgrade`);
    expect(upgrades.body).toEqual([
      expect.objectContaining({ app_model_name: 'nginx-demo', upgrade_versions: ['1.2.0'] }),
      expect.objectContaining({ app_model_name: 'redis', can_upgrade: false }),
    ]);
  });
});

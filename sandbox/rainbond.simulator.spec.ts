import { startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_WORLD } from './sandbox-world';
import { http, installBody, rainbond } from './sandbox.test-helpers';

const { teams, enterpriseId } = SANDBOX_WORLD.rainbond;
const ACME = teams.acme;
const ACME_R1 = `/teams/${ACME.tenantName}/regions/region-1`;

describe('Rainbond simulator: authentication, scoping and apps', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  describe('authentication', () => {
    const listUrl = () => `${sandbox.urls.rainbond}/openapi/v1${ACME_R1}/apps`;

    it('answers 401 "No token" with WWW-Authenticate: Token without Authorization', async () => {
      const response = await http(listUrl());
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Token');
      expect(response.body).toEqual({
        detail: 'No token',
        code: 401,
        msg: 'No token',
        msg_show: 'No token',
        error_type: 'AuthenticationFailed',
        error_trace: expect.any(String),
      });
    });

    it('answers 401 "No such user" for a Bearer-prefixed token', async () => {
      const response = await http(listUrl(), {
        headers: { authorization: `Bearer ${sandbox.secrets.rainbondTokens.acme}` },
      });
      expect(response.status).toBe(401);
      expect(response.body.detail).toBe('No such user');
    });

    it('answers 401 "No such user" for an unknown token', async () => {
      const response = await http(listUrl(), { headers: { authorization: 'f'.repeat(40) } });
      expect(response.body).toMatchObject({ code: 401, detail: 'No such user' });
    });
  });

  describe('team, region and app scoping', () => {
    it.each([ACME.tenantName, ACME.tenantId])('finds the team by %s', async (teamId) => {
      expect((await rainbond(sandbox, `/teams/${teamId}/regions/region-1/apps`)).status).toBe(200);
    });

    it('answers 404 "no found team" for an unknown team', async () => {
      const response = await rainbond(sandbox, '/teams/nosuchteam/regions/region-1/apps');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        code: 404,
        msg: 'no found team',
        msg_show: '团队不存在',
        data: { bean: {}, list: [] },
      });
    });

    it('answers 404 code 3000 for an unknown region', async () => {
      const response = await rainbond(sandbox, `/teams/${ACME.tenantName}/regions/region-9/apps`);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 3000, msg: 'the region is not found' });
    });

    it('answers 409 code 2001 for a region the team has not opened', async () => {
      const response = await rainbond(
        sandbox,
        `/teams/${teams.globex.tenantName}/regions/region-2/apps`,
      );
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 2001,
        msg: 'the team is not initialized in the region',
      });
    });

    it('answers 404 "no found app" for another team\'s app', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps/2/install`, {
        json: installBody(),
      });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        code: 404,
        msg: 'no found app',
        msg_show: '应用不存在',
      });
    });

    it('answers 404 "no found app" for an app of the team in another region', async () => {
      expect((await rainbond(sandbox, `${ACME_R1}/apps/3`)).body.msg).toBe('no found app');
    });

    it("answers a non-numeric app id with Django's HTML 404", async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps/abc`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('text/html');
    });

    it('matches the URL pattern before checking the token', async () => {
      const response = await http(`${sandbox.urls.rainbond}/openapi/v1${ACME_R1}/apps/a1`);
      expect(response.status).toBe(404);
      expect(response.headers.get('www-authenticate')).toBeNull();
    });

    it('answers an app id such as 1-2 with the unhandled-exception 500, like the ORM', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps/1-2`);
      expect(response.status).toBe(500);
      expect(response.body.code).toBe(10401);
    });

    it('does not route a trailing slash', async () => {
      expect((await rainbond(sandbox, `${ACME_R1}/apps/1/`)).status).toBe(404);
    });
  });

  describe('apps', () => {
    it('lists the apps of the team in the region as a bare array', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ID: 1,
            tenant_id: ACME.tenantId,
            group_name: 'demo-shop',
            region_name: 'region-1',
          }),
        ]),
      );
      expect(
        (response.body as { tenant_id: string }[]).every((app) => app.tenant_id === ACME.tenantId),
      ).toBe(true);
    });

    it('filters the list by ?query= on the app name', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps?query=SHOP`);
      expect((response.body as { group_name: string }[]).map((app) => app.group_name)).toEqual([
        'demo-shop',
      ]);
    });

    it('takes the last ?query= when it is repeated, as Django QueryDict.get does', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps?query=nothing&query=SHOP`);
      expect(response.status).toBe(200);
      expect((response.body as { group_name: string }[]).map((app) => app.group_name)).toEqual([
        'demo-shop',
      ]);
    });

    it('creates an app with 201 and lists it', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps`, {
        json: { app_name: 'created-app', app_note: 'n' },
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        group_name: 'created-app',
        note: 'n',
        tenant_id: ACME.tenantId,
      });
      expect(response.body.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
      const listed = (await rainbond(sandbox, `${ACME_R1}/apps`)).body as { ID: number }[];
      expect(listed.map((app) => app.ID)).toContain(response.body.ID);
    });

    it('rejects creating an app without app_name with the DRF 400 shape', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps`, { json: {} });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        detail: '参数错误',
        err: { app_name: ['This field is required.'] },
        code: 20400,
        error_type: 'ValidationError',
      });
    });

    it('shows one app as AppInfo with app_id and no ID', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps/1`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        app_id: 1,
        team_name: ACME.tenantName,
        enterprise_id: enterpriseId,
        service_count: 1,
      });
      expect(response.body).not.toHaveProperty('ID');
      expect(['running', 'part_running', 'closed']).toContain(response.body.status);
    });

    it('lists the components of an app as a bare array of ServiceBaseInfo', async () => {
      const response = await rainbond(sandbox, `${ACME_R1}/apps/1/services`);
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(1);
      expect(response.body[0]).toMatchObject({
        service_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        k8s_component_name: expect.any(String),
      });
      expect((await rainbond(sandbox, `${ACME_R1}/apps/2/services`)).status).toBe(404);
    });
  });
});

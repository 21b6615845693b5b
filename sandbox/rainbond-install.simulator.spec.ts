import { startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_WORLD } from './sandbox-world';
import { installBody, rainbond, SERVICE_BASE_INFO_FIELDS } from './sandbox.test-helpers';

const { teams, market, enterpriseId } = SANDBOX_WORLD.rainbond;
const ACME = teams.acme;
const ACME_R1 = `/teams/${ACME.tenantName}/regions/region-1`;

describe('Rainbond simulator: install', () => {
  let sandbox: Sandbox;
  const newApp = async (name = `app-${Date.now()}-${Math.random()}`) =>
    (await rainbond(sandbox, `${ACME_R1}/apps`, { json: { app_name: name.slice(0, 60) } })).body
      .ID as number;
  const install = (appId: number, body: unknown, query = '') =>
    rainbond(sandbox, `${ACME_R1}/apps/${appId}/install${query}`, { json: body });

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  it('installs a market model and answers MarketInstall with every component of the app', async () => {
    const appId = await newApp();
    await install(
      appId,
      installBody({ app_model_id: market.models[1].id, app_model_version: '7.0.0' }),
    );
    const response = await install(appId, installBody());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      enterprise_id: enterpriseId,
      team_id: ACME.tenantId,
      ID: appId,
      region_name: 'region-1',
    });
    expect(
      (response.body.service_list as { service_cname: string }[]).map((c) => c.service_cname),
    ).toEqual(['redis', 'nginx']);
    const nginx = response.body.service_list[1];
    expect(Object.keys(nginx).sort()).toEqual(SERVICE_BASE_INFO_FIELDS);
    expect(nginx).toMatchObject({
      version: '1.0.0',
      tenant_id: ACME.tenantId,
      service_region: 'region-1',
      creater: 1,
      is_upgrate: false,
    });
    expect(nginx.service_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('requires all six fields', async () => {
    const response = await install(1, {});
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(20400);
    expect(Object.keys(response.body.err).sort()).toEqual(Object.keys(installBody()).sort());
    expect(response.body.err.market_url).toEqual(['This field is required.']);
  });

  it('accepts a null market_access_key', async () => {
    expect((await install(await newApp(), installBody({ market_access_key: null }))).status).toBe(
      200,
    );
  });

  it('rejects null for the other fields', async () => {
    const response = await install(1, installBody({ app_model_id: null }));
    expect(response.body.err).toEqual({ app_model_id: ['This field may not be null.'] });
  });

  it.each([
    ['market_url', 255],
    ['market_domain', 64],
    ['market_type', 64],
    ['market_access_key', 64],
    ['app_model_id', 64],
    ['app_model_version', 64],
  ])('rejects a %s longer than %i characters', async (field, max) => {
    const response = await install(1, installBody({ [field]: 'x'.repeat(max + 1) }));
    expect(response.status).toBe(400);
    expect(response.body.err).toEqual({
      [field]: [`Ensure this field has no more than ${max} characters.`],
    });
  });

  it.each([
    ['an unknown market url', { market_url: 'https://other.example.com' }],
    ['an unknown market domain', { market_domain: 'elsewhere' }],
    ['an unknown app model', { app_model_id: 'ffffffffffff' }],
  ])('answers 404 云端应用不存在 for %s', async (_case, overrides) => {
    const response = await install(1, installBody(overrides));
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 404, msg_show: '云端应用不存在' });
  });

  it('answers 404 云端应用版本不存在 for an unknown version', async () => {
    const response = await install(1, installBody({ app_model_version: '9.9.9' }));
    expect(response.status).toBe(404);
    expect(response.body.msg_show).toBe('云端应用版本不存在');
  });

  it('deploys only when is_deploy is given (any non-empty value, like the real view)', async () => {
    const deployed = await newApp();
    await install(deployed, installBody(), '?is_deploy=true');
    const notDeployed = await newApp();
    await install(notDeployed, installBody(), '?is_upload=true');
    expect((await rainbond(sandbox, `${ACME_R1}/apps/${deployed}`)).body.status).toBe('running');
    expect((await rainbond(sandbox, `${ACME_R1}/apps/${notDeployed}`)).body.status).toBe('closed');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await rainbond(sandbox, `${ACME_R1}/apps/1/install`, {
      raw: 'a=b',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error_type).toBe('UnsupportedMediaType');
  });

  it('rejects invalid JSON with a 400 ParseError', async () => {
    const response = await rainbond(sandbox, `${ACME_R1}/apps/1/install`, {
      raw: '{"market_url":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('ParseError');
  });
});

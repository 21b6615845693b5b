import { startSandbox, type Sandbox } from './sandbox';
import { http, iamToken, WORKSPACE } from './sandbox.test-helpers';

const PROJECT = WORKSPACE.users.acme.projectId;
const SMALL_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4';
const iconOfBytes = (bytes: number) =>
  `data:image/png;base64,${Buffer.alloc(bytes, 7).toString('base64')}`;

/** Seed 004's example request (with a real, small icon). */
const validApp = () => ({
  app_name: 'Postman',
  app_category: 'PRODUCTIVITY_AND_COLLABORATION',
  os_type: 'Windows',
  version_name: 'Canary',
  version_id: '7.9.0.0',
  appfile_store_path: 'file/Postman.exe',
  app_description: 'A postman setup exe.',
  app_icon: SMALL_PNG,
  app_file_size: 401,
});

describe('App Warehouse simulator (CreateWarehouseApp)', () => {
  let sandbox: Sandbox;
  let token: string;
  const appsUrl = () => `${sandbox.urls.appWarehouse}/v1/${PROJECT}/app-warehouse/apps`;
  const create = (body: unknown) =>
    http(appsUrl(), { json: body, headers: { 'x-auth-token': token } });
  const list = (query = '') => http(`${appsUrl()}${query}`, { headers: { 'x-auth-token': token } });

  const expectRejected = async (body: unknown, field: string) => {
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('WKS.00211807');
    expect(response.body.error_msg).toContain(field);
  };
  const expectAccepted = async (body: unknown) => expect((await create(body)).status).toBe(200);

  beforeAll(async () => {
    sandbox = await startSandbox();
    token = await iamToken(sandbox);
  });
  afterAll(() => sandbox.stop());

  it('adds the seed example and answers with the seed response shape', async () => {
    const response = await create(validApp());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ...validApp(),
      id: expect.stringMatching(/^[1-9]\d{17}$/),
      app_id: expect.stringMatching(/^[1-9]\d{17}$/),
      tenant_id: WORKSPACE.users.acme.tenantId,
      app_file_size: '401',
      verify_status: 'VERIFYING',
      create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/),
      modify_time: response.body.create_time,
    });
  });

  it.each(['Post man', 'Postman.exe', '邮差'])('rejects the app_name %s', (name) =>
    expectRejected({ ...validApp(), app_name: name }, 'app_name'),
  );
  it('rejects an app_name longer than 64 characters', () =>
    expectRejected({ ...validApp(), app_name: 'a'.repeat(65) }, 'app_name'));
  it('accepts an app_name of letters, digits, _ and - up to 64 characters', () =>
    expectAccepted({ ...validApp(), app_name: `A_b-1${'x'.repeat(59)}` }));

  it.each(['BUSSINESS_INTELLIGENCE', 'WEB_ADN_APPLICATION', 'GAME', 'OTHER'])(
    'accepts the wire category %s',
    (category) => expectAccepted({ ...validApp(), app_category: category }),
  );
  it('rejects the clean spelling BUSINESS_INTELLIGENCE', () =>
    expectRejected({ ...validApp(), app_category: 'BUSINESS_INTELLIGENCE' }, 'app_category'));
  it('rejects the clean spelling WEB_AND_APPLICATION', () =>
    expectRejected({ ...validApp(), app_category: 'WEB_AND_APPLICATION' }, 'app_category'));

  it('rejects an os_type outside Linux|Windows|Other', () =>
    expectRejected({ ...validApp(), os_type: 'MacOS' }, 'os_type'));

  it('rejects an empty version_id', () =>
    expectRejected({ ...validApp(), version_id: '' }, 'version_id'));
  it('rejects a version_id longer than 64 characters', () =>
    expectRejected({ ...validApp(), version_id: '1'.repeat(65) }, 'version_id'));
  it('rejects a version_id with invisible characters', () =>
    expectRejected({ ...validApp(), version_id: '1.0\n' }, 'version_id'));
  it('rejects a version_name longer than 255 characters', () =>
    expectRejected({ ...validApp(), version_name: 'v'.repeat(256) }, 'version_name'));
  it('rejects a version_name made only of spaces', () =>
    expectRejected({ ...validApp(), version_name: '   ' }, 'version_name'));

  it('rejects a missing appfile_store_path', () =>
    expectRejected({ ...validApp(), appfile_store_path: undefined }, 'appfile_store_path'));

  it('rejects an app_icon that is not a data:image base64 URI', () =>
    expectRejected({ ...validApp(), app_icon: 'https://example.com/icon.png' }, 'app_icon'));
  it('rejects an app_icon larger than 8192 bytes', () =>
    expectRejected({ ...validApp(), app_icon: iconOfBytes(8193) }, 'app_icon'));
  it('accepts an app_icon of 8192 bytes', () =>
    expectAccepted({ ...validApp(), app_icon: iconOfBytes(8192) }));
  it('accepts an app without app_icon', () =>
    expectAccepted({ ...validApp(), app_icon: undefined }));

  it('rejects app_file_size sent as a string', () =>
    expectRejected({ ...validApp(), app_file_size: '401' }, 'app_file_size'));
  it('rejects a fractional app_file_size', () =>
    expectRejected({ ...validApp(), app_file_size: 1.5 }, 'app_file_size'));

  it('accepts app_extended_info as {"extended_info": {string: string}}', async () => {
    const info = { extended_info: { vendor: 'acme' } };
    const response = await create({ ...validApp(), app_extended_info: info });
    expect(response.status).toBe(200);
    expect(response.body.app_extended_info).toEqual(info);
  });
  it('rejects app_extended_info without the extended_info wrapper', () =>
    expectRejected({ ...validApp(), app_extended_info: { vendor: 'acme' } }, 'app_extended_info'));
  it('rejects app_extended_info values that are not strings', () =>
    expectRejected(
      { ...validApp(), app_extended_info: { extended_info: { size: 1 } } },
      'extended_info',
    ));

  it('rejects unknown fields such as camelCase names', () =>
    expectRejected({ ...validApp(), appName: 'Postman' }, 'appName'));

  it('rejects an empty body with WKS.0001', async () => {
    const response = await http(appsUrl(), { method: 'POST', headers: { 'x-auth-token': token } });
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('WKS.0001');
  });

  it('lists an added app by app_id and app_name', async () => {
    const created = (await create({ ...validApp(), app_name: `listed-${Date.now()}` })).body;
    expect((await list(`?app_id=${created.app_id}`)).body).toEqual({ items: [created], count: 1 });
    expect((await list(`?app_name=${created.app_name}`)).body.items).toEqual([created]);
    expect((await list('?limit=1')).body.items).toEqual([created]);
  });

  it.each(['app_name', 'app_id', 'app_category', 'verify_status', 'offset'])(
    'answers 400 WKS.00211807 when %s is repeated',
    async (name) => {
      const response = await list(`?${name}=1&${name}=2`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error_code: 'WKS.00211807',
        error_msg: `Invalid parameter ${name}: must be given once`,
      });
    },
  );
});

import { startSandbox, type Sandbox } from './sandbox';
import { SANDBOX_APP_CENTER } from './sandbox-catalogue';
import { http, iamToken, WORKSPACE } from './sandbox.test-helpers';

const PROJECT = WORKSPACE.users.acme.projectId;

/** Seed 001's example request, with this world's bucket and catalog. */
const validApp = () => ({
  name: 'notepad++.exe',
  version: 'v1.1.1',
  description: 'xxx',
  authorization_type: 'ALL_USER',
  app_file_store: {
    store_type: 'OBS',
    bucket_store: {
      bucket_name: `wks-appcenter-${PROJECT}`,
      bucket_file_path: 'app-file/xxxx.exe',
    },
    file_link: 'https://host-addresss/xxxxx.jpg',
  },
  app_icon_url:
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4',
  install_type: 'UNZIP_INSTALL',
  install_command: '${FILE_PATH} /S',
  uninstall_command: 'msiexec /uninstall ${FILE_PATH} /quiet',
  support_os: 'Windows',
  catalog_id: '1',
  install_info: 'xxxx-xxx-xxxx',
});

describe('App Center simulator (UploadApp)', () => {
  let sandbox: Sandbox;
  let token: string;
  const appsUrl = () => `${sandbox.urls.appCenter}/v1/${PROJECT}/app-center/apps`;
  const publish = (body: unknown) =>
    http(appsUrl(), { json: body, headers: { 'x-auth-token': token } });
  const list = (query = '') => http(`${appsUrl()}${query}`, { headers: { 'x-auth-token': token } });

  const expectRejected = async (body: unknown, field: string, code = 'WKS.00211807') => {
    const response = await publish(body);
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe(code);
    expect(response.body.error_msg).toContain(field);
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    token = await iamToken(sandbox);
  });
  afterAll(() => sandbox.stop());

  it('publishes the seed example and answers with the seed response shape', async () => {
    const response = await publish(validApp());
    expect(response.status).toBe(200);
    const { app_file_store, ...echoed } = validApp();
    expect(response.body).toEqual({
      ...echoed,
      app_file_store,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tenant_id: WORKSPACE.users.acme.tenantId,
      status: 'NORMAL',
      application_source: 'CUSTOM',
      create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      catalog_id: '1',
      catalog: 'Other',
    });
  });

  it('rejects a missing name', () => expectRejected({ ...validApp(), name: undefined }, 'name'));
  it('rejects an empty name', () => expectRejected({ ...validApp(), name: '' }, 'name'));
  it('rejects a name longer than 128 characters', () =>
    expectRejected({ ...validApp(), name: 'a'.repeat(129) }, 'name'));
  it('accepts a name of 128 characters', async () => {
    expect((await publish({ ...validApp(), name: 'a'.repeat(128) })).status).toBe(200);
  });
  it('rejects a name made only of spaces', () =>
    expectRejected({ ...validApp(), name: '   ' }, 'only spaces'));
  it.each([...':^;|~`{}[]<>'])('rejects a name containing %s', (character) =>
    expectRejected({ ...validApp(), name: `app${character}x` }, 'name'),
  );
  it('rejects a missing version', () =>
    expectRejected({ ...validApp(), version: undefined }, 'version'));
  it('rejects a description that is not a string', () =>
    expectRejected({ ...validApp(), description: 42 }, 'description'));
  it('rejects an authorization_type outside ALL_USER|ASSIGN_USER', () =>
    expectRejected({ ...validApp(), authorization_type: 'ALL_USERS' }, 'authorization_type'));
  it('rejects a store_type outside OBS|LINK', () =>
    expectRejected(
      { ...validApp(), app_file_store: { store_type: 'S3', file_link: 'https://x/y' } },
      'store_type',
    ));
  it('rejects OBS storage without bucket_store', () =>
    expectRejected({ ...validApp(), app_file_store: { store_type: 'OBS' } }, 'bucket_store'));
  it('rejects a bucket other than wks-appcenter-{project_id} with WKS.00211108', () =>
    expectRejected(
      {
        ...validApp(),
        app_file_store: {
          store_type: 'OBS',
          bucket_store: { bucket_name: 'my-bucket', bucket_file_path: 'a.exe' },
        },
      },
      'Unsupported bucket',
      'WKS.00211108',
    ));
  it('rejects a bucket_file_path starting with / with WKS.00211301', () =>
    expectRejected(
      {
        ...validApp(),
        app_file_store: {
          store_type: 'OBS',
          bucket_store: {
            bucket_name: `wks-appcenter-${PROJECT}`,
            bucket_file_path: '/app-file/a.exe',
          },
        },
      },
      'bucket_file_path',
      'WKS.00211301',
    ));
  it('rejects LINK storage without file_link', () =>
    expectRejected({ ...validApp(), app_file_store: { store_type: 'LINK' } }, 'file_link'));
  it('accepts LINK storage with a file_link', async () => {
    const store = { store_type: 'LINK', file_link: 'https://example.com/setup.exe' };
    const response = await publish({ ...validApp(), app_file_store: store });
    expect(response.status).toBe(200);
    expect(response.body.app_file_store).toEqual(store);
  });
  it('rejects an app_icon_url longer than 87,500 characters', () =>
    expectRejected({ ...validApp(), app_icon_url: 'x'.repeat(87_501) }, 'app_icon_url'));
  it('accepts an app_icon_url of 87,500 characters', async () => {
    expect((await publish({ ...validApp(), app_icon_url: 'x'.repeat(87_500) })).status).toBe(200);
  });
  it('rejects an install_type outside QUIET_INSTALL|UNZIP_INSTALL|GUI_INSTALL', () =>
    expectRejected({ ...validApp(), install_type: 'SILENT' }, 'install_type'));
  it.each(['QUIET_INSTALL', 'UNZIP_INSTALL'])(
    'rejects %s without an install_command',
    (installType) =>
      expectRejected(
        { ...validApp(), install_type: installType, install_command: ' ' },
        'install_command',
      ),
  );
  it('accepts GUI_INSTALL without an install_command', async () => {
    const response = await publish({
      ...validApp(),
      install_type: 'GUI_INSTALL',
      install_command: undefined,
    });
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('install_command');
  });
  it('rejects a support_os outside Linux|Windows|Other', () =>
    expectRejected({ ...validApp(), support_os: 'windows' }, 'support_os'));
  it('rejects a missing catalog_id', () =>
    expectRejected({ ...validApp(), catalog_id: undefined }, 'catalog_id'));
  it('rejects a catalog_id that is not a catalog', () =>
    expectRejected({ ...validApp(), catalog_id: '99' }, 'catalog_id'));
  it('rejects unknown top-level fields such as camelCase names', () =>
    expectRejected({ ...validApp(), authorizationType: 'ALL_USER' }, 'authorizationType'));

  it('rejects an empty body with WKS.0001', async () => {
    const response = await http(appsUrl(), { method: 'POST', headers: { 'x-auth-token': token } });
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('WKS.0001');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await http(appsUrl(), {
      raw: 'name=x',
      headers: { 'x-auth-token': token, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
  });

  it('lists a published app, newest first, filtered by name', async () => {
    const name = `listed-${Date.now()}`;
    const created = await publish({ ...validApp(), name });
    const response = await list(`?name=${name}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ count: 1, items: [created.body] });
    expect((await list()).body.items[0].id).toBe(created.body.id);
  });

  it('pages the list with offset and limit (default 10)', async () => {
    for (let i = 0; i < 11; i += 1) await publish({ ...validApp(), name: `paged-${i}` });
    const all = (await list('?limit=100')).body as { count: number; items: unknown[] };
    expect(all.count).toBeGreaterThan(10);
    expect((await list()).body.items).toHaveLength(10);
    expect((await list('?offset=1&limit=2')).body.items).toEqual(all.items.slice(1, 3));
  });

  it.each(['0', '101', 'ten'])('rejects limit=%s', async (limit) => {
    expect((await list(`?limit=${limit}`)).status).toBe(400);
  });

  it.each(['name=a&name=b', 'limit=1&limit=2'])(
    'answers 400 WKS.00211807 to a repeated parameter (%s)',
    async (query) => {
      const response = await list(`?${query}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error_code: 'WKS.00211807',
        error_msg: expect.stringMatching(/^Invalid parameter (name|limit): must be given once$/),
      });
    },
  );

  it("keeps each project's apps apart", async () => {
    const globex = await iamToken(sandbox, 'globex');
    const url = `${sandbox.urls.appCenter}/v1/${WORKSPACE.users.globex.projectId}/app-center/apps`;
    const { body } = await http(url, { headers: { 'x-auth-token': globex } });
    // Only globex's own seeded apps, none of those acme published above.
    expect(body.items.map((item: { id: string }) => item.id)).toEqual(
      SANDBOX_APP_CENTER.globex.map((seed) => seed.listed.id),
    );
    expect(body.count).toBe(SANDBOX_APP_CENTER.globex.length);
  });

  it('lists the catalogs', async () => {
    const response = await http(`${sandbox.urls.appCenter}/v1/${PROJECT}/app-center/app-catalogs`, {
      headers: { 'x-auth-token': token },
    });
    expect(response.body.items).toEqual(
      WORKSPACE.catalogs.map(({ id, zh, en }) => ({ id, catalog_zh: zh, catalog_en: en })),
    );
  });
});

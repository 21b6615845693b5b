import { SANDBOX_WORLD } from '../sandbox/sandbox-world';
import {
  expectProblem,
  fieldsOf,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

const ACME_PROJECT = SANDBOX_WORLD.workspace.users.acme.projectId;
const PUBLISH = '/v1/teams/acme/applications';

const appCenterBody = () => ({
  provider: 'app-center',
  name: 'notepad++.exe',
  version: 'v1.1.1',
  description: 'A text editor',
  authorizationType: 'ALL_USER',
  fileStore: { storeType: 'OBS', bucket: { filePath: 'app-file/notepad-setup.exe' } },
  icon: 'https://icons.example.com/notepad.png',
  installType: 'QUIET_INSTALL',
  installCommand: '${FILE_PATH} /S',
  uninstallCommand: 'msiexec /uninstall ${FILE_PATH} /quiet',
  os: 'Windows',
  catalogId: '1',
  installInfo: 'Installs silently',
});

const warehouseBody = () => ({
  provider: 'app-warehouse',
  name: 'Postman',
  category: 'BUSINESS_INTELLIGENCE',
  os: 'Windows',
  version: '7.9.0.0',
  versionName: 'Canary',
  description: 'A postman setup exe.',
  fileStorePath: 'file/Postman.exe',
  icon: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4//8/w38GIAXDIBKE0DHxgljNBAAO9TXL0Y4OHwAAAABJRU5ErkJggg==',
  fileSizeKb: 401,
  extendedInfo: { vendor: 'Postman Inc.' },
});

describe('POST /v1/teams/{team}/applications (publish)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  const upstreamCalls = () => [
    ...gateway.sandbox.calls('iam'),
    ...gateway.sandbox.calls('app-center'),
    ...gateway.sandbox.calls('app-warehouse'),
  ];

  describe('to the App Center', () => {
    it('publishes, sending the exact UploadApp wire body with an IAM token, and answers the normalized application', async () => {
      const response = await gateway.request('POST', PUBLISH, { body: appCenterBody() });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        provider: 'app-center',
        name: 'notepad++.exe',
        version: 'v1.1.1',
        os: 'Windows',
        icon: 'https://icons.example.com/notepad.png',
        status: 'available',
        owner: { team: 'acme', tenantId: SANDBOX_WORLD.workspace.users.acme.tenantId },
        appCenter: {
          authorizationType: 'ALL_USER',
          installType: 'QUIET_INSTALL',
          status: 'NORMAL',
          source: 'CUSTOM',
          catalogId: '1',
          catalogName: 'Other',
          fileStore: {
            storeType: 'OBS',
            bucket: {
              name: `wks-appcenter-${ACME_PROJECT}`,
              filePath: 'app-file/notepad-setup.exe',
            },
          },
        },
      });
      expect(response.body.id).toMatch(/^app-center:[\w-]+$/);
      expect(response.body).not.toHaveProperty('raw');
      expect(response.headers.get('location')).toBe(
        `/v1/teams/acme/applications/${response.body.id}`,
      );
      const read = await gateway.request('GET', response.headers.get('location')!);
      expect(read.status).toBe(200);
      const { links, ...application } = response.body;
      expect(read.body).toStrictEqual(application);
      expect(links.status).toBe(`/v1/teams/acme/applications/${response.body.id}/status`);

      const [call] = gateway.sandbox.calls('app-center');
      expect(call.path).toBe(`/v1/${ACME_PROJECT}/app-center/apps`);
      expect(call.headers['x-auth-token']).toEqual(expect.any(String));
      expect(call.body).toEqual({
        name: 'notepad++.exe',
        version: 'v1.1.1',
        description: 'A text editor',
        authorization_type: 'ALL_USER',
        app_file_store: {
          store_type: 'OBS',
          bucket_store: {
            bucket_name: `wks-appcenter-${ACME_PROJECT}`,
            bucket_file_path: 'app-file/notepad-setup.exe',
          },
        },
        app_icon_url: 'https://icons.example.com/notepad.png',
        install_type: 'QUIET_INSTALL',
        install_command: '${FILE_PATH} /S',
        uninstall_command: 'msiexec /uninstall ${FILE_PATH} /quiet',
        support_os: 'Windows',
        catalog_id: '1',
        install_info: 'Installs silently',
      });
    });

    it('reuses the cached IAM token across publishes', async () => {
      const before = gateway.sandbox.iamTokensIssued();
      await gateway.request('POST', PUBLISH, { body: appCenterBody() });
      await gateway.request('POST', PUBLISH, { body: appCenterBody() });
      expect(gateway.sandbox.iamTokensIssued() - before).toBeLessThanOrEqual(1);
      expect(gateway.sandbox.calls('iam').length).toBeLessThanOrEqual(1);
    });

    it('adds the upstream body under raw with ?view=full', async () => {
      const response = await gateway.request('POST', `${PUBLISH}?view=full`, {
        body: appCenterBody(),
      });
      expect(response.status).toBe(201);
      expect(response.body.raw).toMatchObject({
        name: 'notepad++.exe',
        support_os: 'Windows',
        application_source: 'CUSTOM',
      });
    });

    it('publishes with a LINK store', async () => {
      const body = {
        ...appCenterBody(),
        fileStore: { storeType: 'LINK', link: 'https://downloads.example.com/np.exe' },
      };
      const response = await gateway.request('POST', PUBLISH, { body });
      expect(response.status).toBe(201);
      expect(gateway.sandbox.calls('app-center')[0].body.app_file_store).toEqual({
        store_type: 'LINK',
        file_link: 'https://downloads.example.com/np.exe',
      });
    });
  });

  describe('to the App Warehouse', () => {
    it('publishes with the wire spelling of the category and answers the clean one', async () => {
      const response = await gateway.request('POST', PUBLISH, { body: warehouseBody() });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        provider: 'app-warehouse',
        name: 'Postman',
        version: '7.9.0.0',
        os: 'Windows',
        appWarehouse: {
          category: 'BUSINESS_INTELLIGENCE',
          versionName: 'Canary',
          fileStorePath: 'file/Postman.exe',
          fileSizeKb: 401,
          verification: { status: 'VERIFYING' },
          extendedInfo: { vendor: 'Postman Inc.' },
        },
      });
      expect(response.body.id).toMatch(/^app-warehouse:\d+$/);
      const [call] = gateway.sandbox.calls('app-warehouse');
      expect(call.path).toBe(`/v1/${ACME_PROJECT}/app-warehouse/apps`);
      expect(call.body).toEqual({
        app_name: 'Postman',
        app_category: 'BUSSINESS_INTELLIGENCE',
        os_type: 'Windows',
        version_id: '7.9.0.0',
        version_name: 'Canary',
        app_description: 'A postman setup exe.',
        appfile_store_path: 'file/Postman.exe',
        app_icon: warehouseBody().icon,
        app_file_size: 401,
        app_extended_info: { extended_info: { vendor: 'Postman Inc.' } },
      });
    });
  });

  describe('validation (400, nothing sent upstream)', () => {
    it.each([
      ['a name made only of spaces', { name: '   ' }, 'name'],
      ['a name with a forbidden character', { name: 'bad<name>' }, 'name'],
      ['a name longer than 128 characters', { name: 'n'.repeat(129) }, 'name'],
      ['QUIET_INSTALL without an install command', { installCommand: undefined }, 'installCommand'],
      [
        'UNZIP_INSTALL with a blank install command',
        { installType: 'UNZIP_INSTALL', installCommand: '  ' },
        'installCommand',
      ],
      ['an OBS store without a bucket', { fileStore: { storeType: 'OBS' } }, 'fileStore.bucket'],
      [
        'a bucket path with a leading slash',
        { fileStore: { storeType: 'OBS', bucket: { filePath: '/abs.exe' } } },
        'fileStore.bucket.filePath',
      ],
      ['a LINK store without a link', { fileStore: { storeType: 'LINK' } }, 'fileStore.link'],
      [
        'an icon over 87,500 characters',
        { icon: 'https://x.example.com/' + 'a'.repeat(87_500) },
        'icon',
      ],
      ['an unknown authorization type', { authorizationType: 'EVERYONE' }, 'authorizationType'],
      ['an unknown OS', { os: 'BeOS' }, 'os'],
      ['an App Warehouse field in an App Center body', { category: 'GAME' }, 'category'],
      ['a snake_case wire field', { support_os: 'Windows' }, 'support_os'],
    ])('rejects %s', async (_, change, field) => {
      const response = await gateway.request('POST', PUBLISH, {
        body: { ...appCenterBody(), ...change },
      });
      expect(fieldsOf(expectProblem(response, 400))).toContain(field);
      expect(upstreamCalls()).toEqual([]);
    });

    it.each([
      ['a name with a space', { name: 'Post man' }, 'name'],
      ['a name longer than 64 characters', { name: 'p'.repeat(65) }, 'name'],
      ['the wire typo of a category', { category: 'BUSSINESS_INTELLIGENCE' }, 'category'],
      ['a version id longer than 64 characters', { version: '1'.repeat(65) }, 'version'],
      ['a blank version name', { versionName: '   ' }, 'versionName'],
      ['a file size given as a string', { fileSizeKb: '401' }, 'fileSizeKb'],
      ['a fractional file size', { fileSizeKb: 4.5 }, 'fileSizeKb'],
      ['an icon over 8 KB', { icon: 'data:image/png;base64,' + 'A'.repeat(11_000) }, 'icon'],
      ['extended info with a non-string value', { extendedInfo: { size: 3 } }, 'extendedInfo'],
    ])('rejects a warehouse body with %s', async (_, change, field) => {
      const response = await gateway.request('POST', PUBLISH, {
        body: { ...warehouseBody(), ...change },
      });
      expect(fieldsOf(expectProblem(response, 400))).toContain(field);
      expect(upstreamCalls()).toEqual([]);
    });

    it('rejects a missing or unknown provider', async () => {
      for (const provider of [undefined, 'dropbox']) {
        const response = await gateway.request('POST', PUBLISH, {
          body: { ...appCenterBody(), provider },
        });
        expect(fieldsOf(expectProblem(response, 400))).toEqual(['provider']);
      }
      expect(upstreamCalls()).toEqual([]);
    });

    it('rejects a bucket of another project before asking IAM for a token', async () => {
      const body = {
        ...appCenterBody(),
        fileStore: { storeType: 'OBS', bucket: { name: 'wks-appcenter-other', filePath: 'a.exe' } },
      };
      const response = await gateway.request('POST', PUBLISH, { body });
      expect(fieldsOf(expectProblem(response, 400))).toEqual(['fileStore.bucket.name']);
      expect(upstreamCalls()).toEqual([]);
    });
  });

  describe('caller and team (401/404, nothing sent upstream)', () => {
    it('answers 401 problem without an API key', async () => {
      const response = await gateway.request('POST', PUBLISH, { body: appCenterBody(), key: null });
      expectProblem(response, 401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(upstreamCalls()).toEqual([]);
    });

    it('answers 401 problem for an unknown API key', async () => {
      expectProblem(
        await gateway.request('POST', PUBLISH, { body: appCenterBody(), key: 'not-a-key' }),
        401,
      );
      expect(upstreamCalls()).toEqual([]);
    });

    it('answers 404 for a team the caller may not use, the same as for an unknown team', async () => {
      const forbidden = await gateway.request('POST', '/v1/teams/globex/applications', {
        body: appCenterBody(),
        key: 'e2e-acme-only-key',
      });
      const unknown = await gateway.request('POST', '/v1/teams/nope/applications', {
        body: appCenterBody(),
      });
      expect(expectProblem(forbidden, 404).title).toEqual(expectProblem(unknown, 404).title);
      expect(upstreamCalls()).toEqual([]);
    });
  });

  describe('upstream failures', () => {
    afterEach(() => gateway.sandbox.faults.clear());

    it('answers an upstream 400 as 502 upstream-rejected, its code and message under upstream', async () => {
      const response = await gateway.request('POST', PUBLISH, {
        body: { ...appCenterBody(), catalogId: '999' },
      });
      const problem = expectProblem(response, 502);
      expect(problem.type).toBe('https://gateway.internal/problems/upstream-rejected');
      expect(problem.upstream).toMatchObject({
        provider: 'app-center',
        status: 400,
        code: 'WKS.00211807',
      });
      expect(problem.upstream.requestId).toEqual(expect.any(String));
    });

    it('maps an upstream 500 to 502', async () => {
      gateway.sandbox.faults.inject('app-center', { kind: 'status', status: 500 });
      const problem = expectProblem(
        await gateway.request('POST', PUBLISH, { body: appCenterBody() }),
        502,
      );
      expect(problem.upstream).toMatchObject({ provider: 'app-center', status: 500 });
    });

    it('maps a 200 that carries an error_code (job failure: too many apps) to 409 conflict', async () => {
      gateway.sandbox.faults.inject('app-warehouse', { kind: 'job-failure' });
      const problem = expectProblem(
        await gateway.request('POST', PUBLISH, { body: warehouseBody() }),
        409,
      );
      expect(problem.type).toBe('https://gateway.internal/problems/conflict');
      expect(problem.upstream).toMatchObject({ provider: 'app-warehouse', code: 'WKS.00211102' });
    });

    it('maps a body that is not JSON to 502', async () => {
      gateway.sandbox.faults.inject('app-center', { kind: 'malformed' });
      const problem = expectProblem(
        await gateway.request('POST', PUBLISH, { body: appCenterBody() }),
        502,
      );
      expect(problem.type).toMatch(/upstream-bad-body$/);
    });

    it('fetches a new token once and retries when the upstream answers 401 for an expired token', async () => {
      gateway.sandbox.faults.inject('app-center', { kind: 'expired-token' }, { times: 1 });
      const before = gateway.sandbox.iamTokensIssued();
      const response = await gateway.request('POST', PUBLISH, { body: appCenterBody() });
      expect(response.status).toBe(201);
      expect(gateway.sandbox.iamTokensIssued() - before).toBe(1);
      expect(gateway.sandbox.calls('app-center')).toHaveLength(2);
    });

    it('answers 502 naming a credential problem when the upstream keeps refusing the token', async () => {
      gateway.sandbox.faults.inject('app-center', { kind: 'expired-token' });
      const problem = expectProblem(
        await gateway.request('POST', PUBLISH, { body: appCenterBody() }),
        502,
      );
      expect(problem.type).toMatch(/upstream-credentials-rejected$/);
      expect(gateway.sandbox.calls('app-center')).toHaveLength(2);
    });
  });
});

describe('publish with broken credentials or a slow upstream', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway((config) => ({
      ...config,
      upstreams: {
        ...config.upstreams,
        appCenter: { ...config.upstreams.appCenter, timeoutMs: 300 },
      },
      teams: {
        ...config.teams,
        globex: {
          ...config.teams.globex,
          workspace: {
            ...config.teams.globex.workspace!,
            auth: { ...config.teams.globex.workspace!.auth, password: 'wrong' },
          },
        },
      },
    }));
  });
  afterAll(() => gateway.close());

  it('maps an IAM refusal of the team password to 502, without echoing the password', async () => {
    const response = await gateway.request('POST', '/v1/teams/globex/applications', {
      body: appCenterBody(),
    });
    const problem = expectProblem(response, 502);
    expect(problem.upstream).toMatchObject({ provider: 'iam', status: 401 });
    expect(JSON.stringify(problem)).not.toContain(gateway.sandbox.secrets.iamPasswords.globex);
    expect(gateway.sandbox.calls('app-center')).toEqual([]);
  });

  it('maps an upstream that does not answer in time to 504', async () => {
    gateway.sandbox.faults.inject('app-center', { kind: 'hang' });
    const problem = expectProblem(
      await gateway.request('POST', '/v1/teams/acme/applications', { body: appCenterBody() }),
      504,
    );
    expect(problem.upstream).toMatchObject({ provider: 'app-center' });
    gateway.sandbox.faults.clear();
  });
});

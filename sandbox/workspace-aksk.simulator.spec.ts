import { signRequest, type AkSkCredentials } from '../src/upstream/auth/aksk-signer';
import { startSandbox, type Sandbox } from './sandbox';
import { http, WORKSPACE } from './sandbox.test-helpers';

const ACME_PROJECT: string = WORKSPACE.users.acme.projectId;
const GLOBEX_PROJECT = WORKSPACE.users.globex.projectId;
const app = {
  app_name: 'Postman',
  app_category: 'OTHER',
  os_type: 'Windows',
  version_id: '1.0',
  version_name: 'first',
  appfile_store_path: 'file/Postman.exe',
  app_file_size: 401,
};

describe('Workspace simulators: requests signed with AK/SK (SDK-HMAC-SHA256)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  const url = (project: string = ACME_PROJECT) =>
    `${sandbox.urls.appWarehouse}/v1/${project}/app-warehouse/apps`;

  /** Signs a warehouse publish; `tamper` may change what is sent after signing. */
  function send(
    credentials: AkSkCredentials,
    options: {
      project?: string;
      projectHeader?: string;
      signedAt?: Date;
      tamper?: (request: { body: string; headers: Record<string, string> }) => void;
    } = {},
  ) {
    const body = JSON.stringify(app);
    const headers = {
      'content-type': 'application/json',
      'x-project-id': options.projectHeader ?? options.project ?? ACME_PROJECT,
    };
    const signed = signRequest(
      { method: 'POST', url: url(options.project), headers, body },
      credentials,
      options.signedAt ?? new Date(),
    );
    const request = { body, headers: { ...headers, ...signed } };
    options.tamper?.(request);
    return http(url(options.project), { raw: request.body, headers: request.headers });
  }

  const expectApigw = (
    response: { status: number; body: { error_code: string } },
    status: number,
    code: string,
  ) =>
    expect({ status: response.status, code: response.body.error_code }).toEqual({ status, code });

  it('accepts a correctly signed request as the key owner', async () => {
    const response = await send(sandbox.secrets.aksk.acme);
    expect(response.status).toBe(200);
    expect(response.body.app_name).toBe('Postman');
  });

  it('accepts temporary credentials with their signed security token', async () => {
    expect(
      (await send(sandbox.secrets.temporaryAksk.globex, { project: GLOBEX_PROJECT })).status,
    ).toBe(200);
  });

  it('rejects a body changed after signing', async () => {
    const response = await send(sandbox.secrets.aksk.acme, {
      tamper: (request) => {
        request.body = request.body.replace('Postman', 'Postwoman');
      },
    });
    expectApigw(response, 401, 'APIGW.0301');
    expect(response.body.error_msg).toContain('signature');
  });

  it('rejects a wrong secret key and an unknown access key', async () => {
    const { accessKey, secretKey } = sandbox.secrets.aksk.acme;
    expectApigw(await send({ accessKey, secretKey: `${secretKey}x` }), 401, 'APIGW.0301');
    expectApigw(await send({ accessKey: 'AAAAAAAAAAAAAAAAAAAA', secretKey }), 401, 'APIGW.0301');
  });

  it('rejects a signature older than 15 minutes as clock skew', async () => {
    const response = await send(sandbox.secrets.aksk.acme, {
      signedAt: new Date(Date.now() - 16 * 60_000),
    });
    expectApigw(response, 401, 'APIGW.0303');
  });

  it('rejects temporary credentials sent without their security token', async () => {
    const { accessKey, secretKey } = sandbox.secrets.temporaryAksk.acme;
    expectApigw(await send({ accessKey, secretKey }), 401, 'APIGW.0301');
  });

  it("refuses another team's project, signed or not", async () => {
    expectApigw(
      await send(sandbox.secrets.aksk.acme, { project: GLOBEX_PROJECT }),
      403,
      'APIGW.0302',
    );
    expectApigw(
      await send(sandbox.secrets.aksk.acme, { projectHeader: GLOBEX_PROJECT }),
      403,
      'APIGW.0302',
    );
  });

  it('rejects a signed header whose value changed in transit', async () => {
    const response = await send(sandbox.secrets.aksk.acme, {
      tamper: (request) => {
        request.headers['content-type'] = 'application/json; charset=utf-8';
      },
    });
    expectApigw(response, 401, 'APIGW.0301');
  });
});

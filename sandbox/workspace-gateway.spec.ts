import { startSandbox, type Sandbox } from './sandbox';
import { http, iamToken, WORKSPACE } from './sandbox.test-helpers';

/** The API-gateway token check both Workspace simulators sit behind. */
describe.each([
  ['app-center', 'appCenter'],
  ['app-warehouse', 'appWarehouse'],
] as const)('%s simulator authentication', (target, urlKey) => {
  let sandbox: Sandbox;
  let url: string;
  const acmeProject = WORKSPACE.users.acme.projectId;

  beforeAll(async () => {
    sandbox = await startSandbox();
    url = `${sandbox.urls[urlKey]}/v1/${acmeProject}/${target}/apps`;
  });
  afterAll(() => sandbox.stop());

  const expectApigw401 = (response: Awaited<ReturnType<typeof http>>, reason: string) => {
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error_code: 'APIGW.0301',
      error_msg: `Incorrect IAM authentication information: ${reason}`,
      request_id: response.headers.get('x-request-id'),
    });
  };

  it('answers 401 APIGW.0301 without X-Auth-Token', async () => {
    expectApigw401(await http(url), 'x-auth-token not found');
  });

  it('answers 401 APIGW.0301 for a token IAM never issued', async () => {
    expectApigw401(
      await http(url, { headers: { 'x-auth-token': 'MIIforged' } }),
      'decrypt token fail',
    );
  });

  it('answers 401 APIGW.0301 for a revoked token', async () => {
    const token = await iamToken(sandbox);
    sandbox.revokeToken(token);
    expectApigw401(
      await http(url, { headers: { 'x-auth-token': token } }),
      'token has been revoked',
    );
  });

  it('answers 401 APIGW.0301 for an expired token', async () => {
    const shortLived = await startSandbox({ iamTokenTtlSeconds: 0.05 });
    try {
      const token = await iamToken(shortLived);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const expiredUrl = `${shortLived.urls[urlKey]}/v1/${acmeProject}/${target}/apps`;
      expectApigw401(
        await http(expiredUrl, { headers: { 'x-auth-token': token } }),
        'token expires',
      );
    } finally {
      await shortLived.stop();
    }
  });

  it('answers 403 APIGW.0302 for a token scoped to another project', async () => {
    const globexToken = await iamToken(sandbox, 'globex');
    const response = await http(url, { headers: { 'x-auth-token': globexToken } });
    expect(response.status).toBe(403);
    expect(response.body.error_code).toBe('APIGW.0302');
  });

  it('checks the token before the body', async () => {
    expectApigw401(await http(url, { json: { unexpected: true } }), 'x-auth-token not found');
  });

  it('accepts a valid token of the path project', async () => {
    const response = await http(url, { headers: { 'x-auth-token': await iamToken(sandbox) } });
    expect(response.status).toBe(200);
  });

  it('sends an X-Request-Id on every response', async () => {
    const answers = await Promise.all([
      http(url),
      http(url, { headers: { 'x-auth-token': await iamToken(sandbox) } }),
      http(`${sandbox.urls[urlKey]}/no/such/route`),
    ]);
    for (const answer of answers)
      expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers an unknown route with the API gateway 404 body', async () => {
    const response = await http(`${sandbox.urls[urlKey]}/v1/${acmeProject}/${target}/nothing`);
    expect(response.status).toBe(404);
    expect(response.body.error_code).toBe('APIGW.0101');
  });
});

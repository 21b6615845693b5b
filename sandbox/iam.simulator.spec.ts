import { startSandbox, type Sandbox } from './sandbox';
import { http, passwordAuth, WORKSPACE } from './sandbox.test-helpers';

const ACME = WORKSPACE.users.acme;
const MICROSECOND_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe('IAM simulator (POST /v3/auth/tokens)', () => {
  let sandbox: Sandbox;
  const tokensUrl = () => `${sandbox.urls.iam}/v3/auth/tokens`;
  const acmeUser = () => ({ name: ACME.userName, password: sandbox.secrets.iamPasswords.acme });
  const requestToken = (body: unknown) => http(tokensUrl(), { json: body });

  const expectKeystone = (
    response: Awaited<ReturnType<typeof http>>,
    code: number,
    title: string,
  ) => {
    expect(response.status).toBe(code);
    expect(response.body).toEqual({ error: { message: expect.any(String), code, title } });
    expect(response.headers.get('x-subject-token')).toBeNull();
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  it('issues a project-scoped token in X-Subject-Token with the Keystone body', async () => {
    const before = sandbox.iamTokensIssued();
    const response = await requestToken(passwordAuth(acmeUser(), { id: ACME.projectId }));
    expect(response.status).toBe(201);
    expect(response.headers.get('x-subject-token')).toMatch(/^MII[\w-]{100,}$/);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const domain = { name: WORKSPACE.domainName, id: WORKSPACE.domainId };
    expect(response.body).toEqual({
      token: {
        expires_at: expect.stringMatching(MICROSECOND_TIME),
        issued_at: expect.stringMatching(MICROSECOND_TIME),
        methods: ['password'],
        project: { id: ACME.projectId, name: WORKSPACE.region, domain },
        user: {
          name: ACME.userName,
          id: expect.stringMatching(/^[0-9a-f]{32}$/),
          domain,
          password_expires_at: '',
        },
      },
    });
    expect(sandbox.iamTokensIssued()).toBe(before + 1);
  });

  it('lets tokens live 24 hours by default', async () => {
    const { token } = (await requestToken(passwordAuth(acmeUser(), { id: ACME.projectId }))).body;
    expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(86_400_000);
  });

  it('accepts a project scope by region name', async () => {
    const response = await requestToken(passwordAuth(acmeUser(), { name: WORKSPACE.region }));
    expect(response.status).toBe(201);
    expect(response.body.token.project.id).toBe(ACME.projectId);
  });

  it('accepts the domain by id', async () => {
    const body = passwordAuth(
      { ...acmeUser(), domain: { id: WORKSPACE.domainId } },
      { id: ACME.projectId },
    );
    expect((await requestToken(body)).status).toBe(201);
  });

  it('rejects a wrong password with 401', async () => {
    const response = await requestToken(
      passwordAuth({ ...acmeUser(), password: 'wrong' }, { id: ACME.projectId }),
    );
    expectKeystone(response, 401, 'Unauthorized');
    expect(response.body.error.message).toBe('The username or password is wrong.');
  });

  it('rejects an unknown user with 401', async () => {
    const body = passwordAuth({ ...acmeUser(), name: 'nobody' }, { id: ACME.projectId });
    expectKeystone(await requestToken(body), 401, 'Unauthorized');
  });

  it('rejects another account domain with 401', async () => {
    const body = passwordAuth(
      { ...acmeUser(), domain: { name: 'other-account' } },
      { id: ACME.projectId },
    );
    expectKeystone(await requestToken(body), 401, 'Unauthorized');
  });

  it("rejects a scope on another user's project with 401", async () => {
    const body = passwordAuth(acmeUser(), { id: WORKSPACE.users.globex.projectId });
    expectKeystone(await requestToken(body), 401, 'Unauthorized');
  });

  it('rejects a body without the password with 400', async () => {
    const body = passwordAuth(acmeUser(), { id: ACME.projectId });
    delete (body.auth.identity.password.user as { password?: string }).password;
    expectKeystone(await requestToken(body), 400, 'Bad Request');
  });

  it('rejects a body without a project scope with 400', async () => {
    const { auth } = passwordAuth(acmeUser(), { id: ACME.projectId });
    expectKeystone(await requestToken({ auth: { identity: auth.identity } }), 400, 'Bad Request');
  });

  it('rejects other authentication methods with 400', async () => {
    const body = passwordAuth(acmeUser(), { id: ACME.projectId });
    body.auth.identity.methods = ['token'];
    expectKeystone(await requestToken(body), 400, 'Bad Request');
  });

  it('rejects a body that is not JSON with 400', async () => {
    const response = await http(tokensUrl(), {
      raw: '{"auth":',
      headers: { 'content-type': 'application/json' },
    });
    expectKeystone(response, 400, 'Bad Request');
  });

  it('does not count refused requests as issued tokens', async () => {
    const before = sandbox.iamTokensIssued();
    await requestToken(passwordAuth({ ...acmeUser(), password: 'wrong' }, { id: ACME.projectId }));
    expect(sandbox.iamTokensIssued()).toBe(before);
  });
});

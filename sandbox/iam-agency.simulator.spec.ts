import { startSandbox, type Sandbox } from './sandbox';
import { http, iamToken, WORKSPACE } from './sandbox.test-helpers';

const AGENCY = WORKSPACE.agency;
const ACME_PROJECT: string = WORKSPACE.users.acme.projectId;

describe('IAM simulator: agency (assume_role)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  const tokens = () => `${sandbox.urls.iam}/v3/auth/tokens`;

  async function delegatedUserToken(
    scope: object = { domain: { name: AGENCY.delegatedDomainName } },
  ) {
    return http(tokens(), {
      json: {
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: AGENCY.userName,
                password: sandbox.secrets.agencyPassword,
                domain: { name: AGENCY.delegatedDomainName },
              },
            },
          },
          scope,
        },
      },
    });
  }

  const assumeRole = (
    token: string | undefined,
    role: Record<string, unknown> = {},
    projectId = ACME_PROJECT,
  ) =>
    http(tokens(), {
      headers: token === undefined ? {} : { 'x-auth-token': token },
      json: {
        auth: {
          identity: {
            methods: ['assume_role'],
            assume_role: { domain_name: WORKSPACE.domainName, agency_name: AGENCY.name, ...role },
          },
          scope: { project: { id: projectId } },
        },
      },
    });

  const appCenterList = (token: string) =>
    http(`${sandbox.urls.appCenter}/v1/${ACME_PROJECT}/app-center/apps`, {
      headers: { 'x-auth-token': token },
    });

  it('issues a project token for the agency, which the Workspace simulators accept', async () => {
    const user = await delegatedUserToken();
    expect(user.status).toBe(201);
    expect(user.body.token.domain.name).toBe(AGENCY.delegatedDomainName);
    const agency = await assumeRole(user.headers.get('x-subject-token')!, {
      duration_seconds: 3600,
    });
    expect(agency.status).toBe(201);
    expect(agency.body.token.methods).toEqual(['assume_role']);
    expect(agency.body.token.project.id).toBe(ACME_PROJECT);
    const lifetime =
      Date.parse(agency.body.token.expires_at) - Date.parse(agency.body.token.issued_at);
    expect(lifetime).toBe(3600_000);
    expect((await appCenterList(agency.headers.get('x-subject-token')!)).status).toBe(200);
  });

  it('does not let a domain-scoped token call a project API', async () => {
    const user = await delegatedUserToken();
    const response = await appCenterList(user.headers.get('x-subject-token')!);
    expect(response.status).toBe(403);
  });

  it('refuses assume_role without a token, with a revoked one, or with a project token', async () => {
    expect((await assumeRole(undefined)).status).toBe(401);
    const user = (await delegatedUserToken()).headers.get('x-subject-token')!;
    sandbox.revokeToken(user);
    expect((await assumeRole(user)).status).toBe(401);
    const projectToken = await iamToken(sandbox, 'acme');
    const response = await assumeRole(projectToken);
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ code: 403 });
  });

  it('answers 404 for an agency or account that does not exist, 401 for a foreign project', async () => {
    const user = (await delegatedUserToken()).headers.get('x-subject-token')!;
    expect((await assumeRole(user, { agency_name: 'other' })).status).toBe(404);
    expect((await assumeRole(user, { domain_name: 'other-account' })).status).toBe(404);
    expect((await assumeRole(user, {}, 'ffffffffffffffffffffffffffffffff')).status).toBe(401);
  });

  it('validates the body as keystone does', async () => {
    const user = (await delegatedUserToken()).headers.get('x-subject-token')!;
    const response = await assumeRole(user, { duration_seconds: 60 });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('duration_seconds');
    expect((await assumeRole(user, { domain_name: undefined })).status).toBe(400);
  });

  it('refuses the delegated user a wrong password or a project scope', async () => {
    expect((await delegatedUserToken({ project: { id: ACME_PROJECT } })).status).toBe(401);
  });
});

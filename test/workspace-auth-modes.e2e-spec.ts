import { PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import type { GatewayConfig } from '../src/config/gateway-config.schema';
import type { WorkspaceTeamConfig } from '../src/workspace/workspace-account.schema';
import type { Sandbox } from '../sandbox/sandbox';
import { SANDBOX_WORLD } from '../sandbox/sandbox-world';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

const AGENCY = SANDBOX_WORLD.workspace.agency;

/** acme signs with its AK/SK; globex assumes the agency; "broken" signs with a wrong SK. */
function authModes(config: GatewayConfig, sandbox: Sandbox): GatewayConfig {
  const acme = config.teams.acme.workspace!;
  const globex = config.teams.globex.workspace!;
  const team = (workspace: WorkspaceTeamConfig) => ({ displayName: 'x', workspace });
  return {
    ...config,
    callers: config.callers.map((caller) => ({ ...caller, teams: [...caller.teams, 'broken'] })),
    teams: {
      acme: team({ ...acme, auth: { type: 'aksk', ...sandbox.secrets.aksk.acme } }),
      globex: team({
        ...globex,
        auth: {
          type: 'agency',
          domainName: SANDBOX_WORLD.workspace.domainName,
          agencyName: AGENCY.name,
          durationSeconds: 3600,
          via: {
            domainName: AGENCY.delegatedDomainName,
            userName: AGENCY.userName,
            password: sandbox.secrets.agencyPassword,
          },
        },
      }),
      broken: team({
        ...acme,
        auth: { type: 'aksk', ...sandbox.secrets.aksk.acme, secretKey: 'not-the-secret-key' },
      }),
    },
  };
}

describe('Workspace auth modes through the gateway', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(authModes);
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  const publish = (team: string, example = PUBLISH_EXAMPLES.appWarehouse) =>
    gateway.request('POST', `/v1/teams/${team}/applications`, { body: example.value });

  it('signs each AK/SK request and never calls IAM', async () => {
    for (const example of Object.values(PUBLISH_EXAMPLES)) {
      expect((await publish('acme', example)).status).toBe(201);
    }
    expect(gateway.sandbox.calls('iam')).toEqual([]);
    const calls = [
      ...gateway.sandbox.calls('app-center'),
      ...gateway.sandbox.calls('app-warehouse'),
    ];
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.headers.authorization).toMatch(
        new RegExp(
          `^SDK-HMAC-SHA256 Access=${gateway.sandbox.secrets.aksk.acme.accessKey}, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$`,
        ),
      );
      expect(call.headers['x-project-id']).toBe(SANDBOX_WORLD.workspace.users.acme.projectId);
      expect(call.headers['x-auth-token']).toBeUndefined();
    }
  });

  it('answers 502 for a signature the upstream refuses, without retrying it', async () => {
    const problem = expectProblem(await publish('broken'), 502);
    expect(problem.type).toMatch(/upstream-credentials-rejected$/);
    expect(problem.upstream).toMatchObject({
      provider: 'app-warehouse',
      status: 401,
      code: 'APIGW.0301',
    });
    expect(gateway.sandbox.calls('app-warehouse')).toHaveLength(1);
  });

  it("assumes the agency with the delegated user's account token, then reuses both", async () => {
    expect((await publish('globex')).status).toBe(201);
    expect((await publish('globex', PUBLISH_EXAMPLES.appCenter)).status).toBe(201);
    const [userLogin, assumeRole] = gateway.sandbox.calls('iam');
    expect(gateway.sandbox.calls('iam')).toHaveLength(2);
    expect(userLogin.body.auth.scope).toEqual({ domain: { name: AGENCY.delegatedDomainName } });
    expect(assumeRole.body.auth).toEqual({
      identity: {
        methods: ['assume_role'],
        assume_role: {
          domain_name: SANDBOX_WORLD.workspace.domainName,
          agency_name: AGENCY.name,
          duration_seconds: 3600,
        },
      },
      scope: { project: { id: SANDBOX_WORLD.workspace.users.globex.projectId } },
    });
    expect(assumeRole.headers['x-auth-token']).toMatch(/^MII/);
    const agencyToken = gateway.sandbox.calls('app-warehouse')[0].headers['x-auth-token'];
    expect(gateway.sandbox.calls('app-center')[0].headers['x-auth-token']).toBe(agencyToken);
  });

  it('logs in the delegated user again once when IAM no longer accepts its token', async () => {
    await gateway.close();
    gateway = await startTestGateway(authModes);
    expect((await publish('globex')).status).toBe(201);
    const [, assumeRole] = gateway.sandbox.calls('iam');
    const agencyToken = gateway.sandbox.calls('app-warehouse')[0].headers['x-auth-token'];
    gateway.sandbox.revokeToken(assumeRole.headers['x-auth-token']);
    gateway.sandbox.revokeToken(agencyToken);
    gateway.sandbox.resetCalls();

    expect((await publish('globex')).status).toBe(201);
    const iamCalls = gateway.sandbox.calls('iam').map((call) => call.body.auth.identity.methods[0]);
    expect(iamCalls).toEqual(['assume_role', 'password', 'assume_role']);
    const warehouseTokens = gateway.sandbox
      .calls('app-warehouse')
      .map((call) => call.headers['x-auth-token']);
    expect(warehouseTokens).toHaveLength(2);
    expect(warehouseTokens[0]).toBe(agencyToken);
    expect(warehouseTokens[1]).not.toBe(agencyToken);
  });
});

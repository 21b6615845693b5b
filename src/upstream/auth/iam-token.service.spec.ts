import type { GatewayConfig } from '../../config/gateway-config.schema';
import type { WorkspaceTeamConfig } from '../../workspace/workspace-account.schema';
import { IamTokenService, type TokenAccount } from './iam-token.service';
import type { IamClient, IamToken } from './iam.client';
import type { TokenSource } from './token-retry';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const HOUR = 3600_000;
const IAM = 'http://127.0.0.1:1/iam';
const USER = { domainName: 'acct', userName: 'acme-publisher', password: 'pw' };
const AGENCY: TokenAccount['auth'] = {
  type: 'agency',
  domainName: 'owner',
  agencyName: 'workspace-gateway',
  via: { domainName: 'ops', userName: 'gateway-svc', password: 'pw3' },
};

function account(
  auth: TokenAccount['auth'],
  overrides: Partial<WorkspaceTeamConfig> = {},
): TokenAccount {
  return {
    region: 'cn-north-4',
    projectId: '0123456789abcdef0123456789abcdef',
    endpoints: {
      appCenter: 'http://127.0.0.1:1/ws',
      appWarehouse: 'http://127.0.0.1:1/as',
      iam: IAM,
    },
    auth,
    ...overrides,
  } as TokenAccount;
}

function setup() {
  const now = T0;
  let issued = 0;
  const token = (kind: string): Promise<IamToken> =>
    Promise.resolve({ token: `${kind}-${++issued}`, expiresAt: new Date(now + 24 * HOUR) });
  const client = {
    passwordToken: jest.fn((_iam: string, _identity: unknown, scope: object) =>
      token('domain' in scope ? 'domain' : 'project'),
    ),
    // records the delegated user's token it was handed, as IamClient would send it
    assumeRoleToken: jest.fn(
      async (_iam: string, user: TokenSource, _agency: unknown, _project: string) => {
        userTokens.push(await user.get());
        return token('agency');
      },
    ),
  };
  const userTokens: string[] = [];
  const config = {
    iam: { tokenExpiryMarginSeconds: 900, refreshAheadSeconds: 600 },
  } as GatewayConfig;
  const service = new IamTokenService(client as unknown as IamClient, config, () => now);
  return { service, client, userTokens };
}

describe('IamTokenService', () => {
  it('gets a password token scoped to the project and reuses it', async () => {
    const { service, client } = setup();
    const acme = account({ type: 'password', ...USER });
    const tokens = await Promise.all(
      Array.from({ length: 100 }, () => service.tokensFor(acme).get()),
    );
    expect(new Set(tokens)).toEqual(new Set(['project-1']));
    expect(client.passwordToken).toHaveBeenCalledTimes(1);
    expect(client.passwordToken).toHaveBeenCalledWith(
      IAM,
      expect.objectContaining({ userName: 'acme-publisher', password: 'pw' }),
      { project: { id: acme.projectId } },
    );
  });

  it('keeps separate tokens per project and identity, and shares one between teams of the same scope', async () => {
    const { service, client } = setup();
    const acme = account({ type: 'password', ...USER });
    const sameScope = account({ type: 'password', ...USER });
    const otherProject = account({ type: 'password', ...USER }, { projectId: 'aaaabbbbccccdddd' });
    const otherUser = account({ type: 'password', ...USER, userName: 'globex-publisher' });
    const otherIam = account(
      { type: 'password', ...USER },
      { endpoints: { ...acme.endpoints, iam: 'http://127.0.0.1:2/iam' } },
    );
    const tokens = await Promise.all(
      [acme, sameScope, otherProject, otherUser, otherIam].map((a) => service.tokensFor(a).get()),
    );
    expect(tokens[1]).toBe(tokens[0]);
    expect(new Set(tokens).size).toBe(4);
    expect(client.passwordToken).toHaveBeenCalledTimes(4);
  });

  it("assumes the agency with the delegated user's account-scoped token, caching both", async () => {
    const { service, client, userTokens } = setup();
    const acme = account(AGENCY);
    const globex = account(AGENCY, { projectId: 'fedcba9876543210fedcba9876543210' });
    await expect(service.tokensFor(acme).get()).resolves.toBe('agency-2');
    await expect(service.tokensFor(globex).get()).resolves.toBe('agency-3');
    await expect(service.tokensFor(acme).get()).resolves.toBe('agency-2');

    expect(client.passwordToken).toHaveBeenCalledTimes(1);
    expect(client.passwordToken).toHaveBeenCalledWith(IAM, AGENCY.via, {
      domain: { name: 'ops' },
    });
    expect(
      client.assumeRoleToken.mock.calls.map(([iam, , agency, project]) => [iam, agency, project]),
    ).toEqual([
      [IAM, AGENCY, acme.projectId],
      [IAM, AGENCY, globex.projectId],
    ]);
    expect(userTokens).toEqual(['domain-1', 'domain-1']);
  });

  it("hands the assume-role call the delegated user's token source, which drops a rejected token", async () => {
    const { service, client } = setup();
    await service.tokensFor(account(AGENCY)).get();
    const delegatedUser = client.assumeRoleToken.mock.calls[0][1];
    const first = await delegatedUser.get();
    delegatedUser.invalidate(first);
    await expect(delegatedUser.get()).resolves.not.toBe(first);
    expect(client.passwordToken).toHaveBeenCalledTimes(2);
  });

  it('drops a token an upstream rejected, so the next request gets a new one', async () => {
    const { service, client } = setup();
    const source = service.tokensFor(account({ type: 'password', ...USER }));
    const first = await source.get();
    source.invalidate(first);
    await expect(source.get()).resolves.not.toBe(first);
    expect(client.passwordToken).toHaveBeenCalledTimes(2);
  });
});

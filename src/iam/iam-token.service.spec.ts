import type { GatewayConfig, WorkspaceTeamConfig } from '../config/gateway-config.schema';
import { ProblemError } from '../common/problem';
import { UpstreamError } from '../common/upstream.error';
import type { TeamContext } from '../teams/team-context';
import { IamTokenService } from './iam-token.service';
import type { IamClient, IamToken } from './iam.client';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const HOUR = 3600_000;
const MARGIN_SECONDS = 900;

function account(overrides: Partial<WorkspaceTeamConfig> = {}): WorkspaceTeamConfig {
  return {
    region: 'cn-north-4',
    projectId: '0123456789abcdef0123456789abcdef',
    endpoints: {
      appCenter: 'http://127.0.0.1:1/workspace',
      appWarehouse: 'http://127.0.0.1:1/appstream',
      iam: 'http://127.0.0.1:1/iam',
    },
    auth: { type: 'password', domainName: 'acct', userName: 'acme-publisher', password: 'pw' },
    ...overrides,
  };
}

function team(key: string, workspace?: WorkspaceTeamConfig): TeamContext {
  return { key, displayName: key, workspace };
}

function setup() {
  let now = T0;
  let issued = 0;
  const issueToken = jest.fn((): Promise<IamToken> =>
    Promise.resolve({ token: `token-${++issued}`, expiresAt: new Date(now + 24 * HOUR) }),
  );
  const config = { iam: { tokenExpiryMarginSeconds: MARGIN_SECONDS } } as GatewayConfig;
  const service = new IamTokenService({ issueToken } as unknown as IamClient, config, () => now);
  return {
    service,
    issueToken,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('IamTokenService', () => {
  const acme = team('acme', account());

  it('makes exactly one IAM call for 1000 concurrent requests on a cold cache', async () => {
    const { service, issueToken } = setup();
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => service.getToken(acme)));
    expect(issueToken).toHaveBeenCalledTimes(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
  });

  it('serves the cached token until expires_at minus the margin, then fetches one new token', async () => {
    const { service, issueToken, advance } = setup();
    await service.getToken(acme);
    advance(24 * HOUR - MARGIN_SECONDS * 1000 - 1);
    await expect(service.getToken(acme)).resolves.toBe('token-1');
    expect(issueToken).toHaveBeenCalledTimes(1);

    advance(1);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => service.getToken(acme)));
    expect(new Set(tokens)).toEqual(new Set(['token-2']));
    expect(issueToken).toHaveBeenCalledTimes(2);
  });

  it('does not cache a failed fetch: every waiter sees the failure and the next call tries again', async () => {
    const { service, issueToken } = setup();
    issueToken.mockRejectedValueOnce(
      new UpstreamError('iam', 'timeout', 'iam did not answer in time'),
    );
    const results = await Promise.allSettled([service.getToken(acme), service.getToken(acme)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(issueToken).toHaveBeenCalledTimes(1);

    await expect(service.getToken(acme)).resolves.toBe('token-1');
    expect(issueToken).toHaveBeenCalledTimes(2);
  });

  it('fetches once after invalidate, however many callers then ask', async () => {
    const { service, issueToken } = setup();
    const first = await service.getToken(acme);
    service.invalidate(acme, first);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => service.getToken(acme)));
    expect(new Set(tokens)).toEqual(new Set(['token-2']));
    expect(issueToken).toHaveBeenCalledTimes(2);
  });

  it('causes one refetch when two requests report the same rejected token', async () => {
    const { service, issueToken } = setup();
    const rejected = await service.getToken(acme);
    service.invalidate(acme, rejected);
    const fresh = await service.getToken(acme);
    service.invalidate(acme, rejected); // the second 401 arrives late: the new token stays
    await expect(service.getToken(acme)).resolves.toBe(fresh);
    expect(issueToken).toHaveBeenCalledTimes(2);
  });

  it('keeps separate tokens for different scopes and shares one between teams of the same scope', async () => {
    const { service, issueToken } = setup();
    const globex = team(
      'globex',
      account({
        projectId: 'fedcba9876543210fedcba9876543210',
        auth: {
          type: 'password',
          domainName: 'acct',
          userName: 'globex-publisher',
          password: 'pw2',
        },
      }),
    );
    const acmeAlias = team('acme-alias', account());
    const otherProject = team('acme-eu', account({ projectId: 'aaaabbbbccccdddd' }));

    const [a, g, alias, other] = await Promise.all([
      service.getToken(acme),
      service.getToken(globex),
      service.getToken(acmeAlias),
      service.getToken(otherProject),
    ]);
    expect(new Set([a, g, other]).size).toBe(3);
    expect(alias).toBe(a);
    expect(issueToken).toHaveBeenCalledTimes(3);

    service.invalidate(globex, g);
    await expect(service.getToken(acme)).resolves.toBe(a);
    expect(issueToken).toHaveBeenCalledTimes(3);
  });

  it('answers a 404 problem for a team without a Workspace account, without calling IAM', async () => {
    const { service, issueToken } = setup();
    const error = await service.getToken(team('rainbond-only')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 404, slug: 'provider-not-configured' });
    expect(issueToken).not.toHaveBeenCalled();
  });
});

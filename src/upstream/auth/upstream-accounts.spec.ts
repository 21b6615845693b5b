import { ProblemError } from '../../common/problem';
import type { GatewayConfig, TeamConfig } from '../../config/gateway-config.schema';
import { QUIET_POLICIES } from '../upstream-pipeline.test-helpers';
import { buildUpstreamProfiles } from '../upstream-profiles';
import type { IamTokenService } from './iam-token.service';
import type { TokenSource } from './token-retry';
import { UpstreamAccounts } from './upstream-accounts';

const endpoints = {
  appCenter: 'https://workspace.example',
  appWarehouse: 'https://appstream.example',
  iam: 'https://iam.example',
};
const TEAMS: Record<string, TeamConfig> = {
  acme: {
    displayName: 'Acme',
    rainbond: {
      baseUrl: 'http://rainbond.example/console',
      teamName: 'tenant-a',
      regions: ['r'],
      token: 'rb-token',
      timeZone: 'Asia/Shanghai',
    },
    workspace: {
      region: 'cn-north-4',
      projectId: 'p-acme',
      endpoints,
      auth: { type: 'password', domainName: 'd', userName: 'u', password: 'pw' },
    },
  },
  globex: {
    displayName: 'Globex',
    workspace: {
      region: 'cn-north-4',
      projectId: 'p-globex',
      endpoints,
      auth: { type: 'aksk', accessKey: 'AK', secretKey: 'SK' },
    },
  },
};

function accounts() {
  const config = { ...QUIET_POLICIES, teams: TEAMS } as unknown as GatewayConfig;
  const source: TokenSource = { get: () => Promise.resolve('iam-token'), invalidate: jest.fn() };
  const tokens = { tokensFor: jest.fn(() => source) };
  const built = new UpstreamAccounts(
    config,
    buildUpstreamProfiles(config),
    tokens as unknown as IamTokenService,
  );
  return { built, tokens };
}

describe('UpstreamAccounts', () => {
  it("resolves a team's Rainbond account with its token, by team key", async () => {
    const target = accounts().built.targetOf('rainbond', 'acme');
    expect(target).toMatchObject({
      baseUrl: 'http://rainbond.example/console',
      account: 'tenant-a',
    });
    expect((await target.auth.credential()).headers).toEqual({ authorization: 'rb-token' });
  });

  it('gives each Workspace upstream its endpoint, and an IAM token or an AK/SK signature', async () => {
    const { built, tokens } = accounts();
    const center = built.targetOf('app-center', 'acme');
    expect(center).toMatchObject({ baseUrl: endpoints.appCenter, account: 'p-acme' });
    expect((await center.auth.credential()).headers).toEqual({ 'x-auth-token': 'iam-token' });
    expect(built.targetOf('app-warehouse', 'acme').baseUrl).toBe(endpoints.appWarehouse);
    // One token source per team and upstream, built at start-up, not per call.
    expect(tokens.tokensFor).toHaveBeenCalledTimes(2);

    const signed = await built.targetOf('app-warehouse', 'globex').auth.credential();
    expect(signed.headers).toEqual({ 'x-project-id': 'p-globex' });
    const request = { method: 'GET', url: `${endpoints.appWarehouse}/x`, headers: {}, body: '' };
    expect(signed.sign!(request).authorization).toMatch(/^SDK-HMAC-SHA256 Access=AK, /);
  });

  it('answers provider-not-configured for a team without an account there', () => {
    const error = (() => {
      try {
        return accounts().built.targetOf('rainbond', 'globex');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ slug: 'provider-not-configured' });
  });
});

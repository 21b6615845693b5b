import { Test } from '@nestjs/testing';
import { GatewayConfigModule } from './config.module';
import { reachableStrings, secretsIn, TEAMS_WITH_EVERY_SECRET } from './config.test-helpers';
import { GATEWAY_CONFIG, UPSTREAM_CONFIG } from './config.tokens';
import type { GatewayConfig } from './gateway-config.schema';

const TLS_KEY = '-----BEGIN PRIVATE KEY-----\nsecret-tls-key\n-----END PRIVATE KEY-----';

describe('GatewayConfigModule', () => {
  const config = {
    teams: TEAMS_WITH_EVERY_SECRET,
    upstreams: { rainbond: { timeoutMs: 1000, tls: { cert: 'CERT', key: TLS_KEY } } },
    progress: { ticketSecret: 'progress-secret-of-its-own' },
  } as unknown as GatewayConfig;

  async function injected() {
    const moduleRef = await Test.createTestingModule({
      imports: [GatewayConfigModule.forRoot(config)],
    }).compile();
    return {
      shared: moduleRef.get<GatewayConfig>(GATEWAY_CONFIG),
      upstream: moduleRef.get<GatewayConfig>(UPSTREAM_CONFIG),
    };
  }

  it('gives every module the config without a single upstream credential', async () => {
    const { shared } = await injected();
    const upstreamSecrets = [...secretsIn(config).filter((s) => s.startsWith('secret-')), TLS_KEY];
    expect(upstreamSecrets).toHaveLength(7);
    const reachable = reachableStrings(shared);
    expect(upstreamSecrets.filter((secret) => reachable.has(secret))).toEqual([]);
  });

  it('keeps everything else: the accounts without their secrets, and the gateway’s own secrets', async () => {
    const { shared } = await injected();
    expect(shared.teams.rainbond.rainbond).toEqual({
      baseUrl: 'http://rainbond.example',
      teamName: 'tenant',
      regions: ['region-1'],
      timeZone: 'Asia/Shanghai',
    });
    expect(shared.teams.aksk.workspace?.auth).toEqual({ type: 'aksk' });
    expect(shared.teams.agency.workspace?.auth).toEqual({
      type: 'agency',
      domainName: 'owner',
      agencyName: 'gateway',
      via: { domainName: 'ops', userName: 'svc' },
    });
    expect(shared.upstreams.rainbond).toEqual({ timeoutMs: 1000, tls: { cert: 'CERT' } });
    expect(shared.progress.ticketSecret).toBe('progress-secret-of-its-own');
  });

  it('gives the outbound room the whole config, and leaves the loaded config as it was', async () => {
    const { upstream } = await injected();
    expect(upstream).toBe(config);
    expect(config.teams.rainbond.rainbond?.token).toBe('secret-rainbond-token');
    expect(config.upstreams.rainbond.tls?.key).toBe(TLS_KEY);
  });
});

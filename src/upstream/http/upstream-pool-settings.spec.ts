import type { GatewayConfig } from '../../config/gateway-config.schema';
import { QUIET_POLICIES } from '../upstream-pipeline.test-helpers';
import { buildUpstreamProfiles } from '../upstream-profiles';
import { insecureTlsWarnings, poolSettingsFor } from './upstream-pool-settings';

const config = {
  resilience: QUIET_POLICIES.resilience,
  upstreams: {
    rainbond: { timeoutMs: 60_000, connections: 16, connectTimeoutMs: 1_000 },
    appCenter: { timeoutMs: 30_000, keepAliveTimeoutMs: 9_000 },
    appWarehouse: { timeoutMs: 20_000, connections: 100 },
    iam: { timeoutMs: 10_000 },
  },
  teams: {
    acme: {
      displayName: 'Acme',
      rainbond: { baseUrl: 'http://rainbond.internal:7070/console', teamName: 't', regions: ['r'] },
      workspace: {
        endpoints: {
          appCenter: 'https://cloud.example:443/',
          appWarehouse: 'https://cloud.example',
          iam: 'https://iam.example',
        },
      },
    },
  },
} as unknown as GatewayConfig;

describe('poolSettingsFor', () => {
  it('takes the settings of the upstream configured at that origin, with defaults', () => {
    expect(
      poolSettingsFor(buildUpstreamProfiles(config), config, 'http://rainbond.internal:7070'),
    ).toEqual({
      connections: 16,
      connectTimeoutMs: 1_000,
      keepAliveTimeoutMs: 4_000,
      headersTimeoutMs: 60_000,
      bodyTimeoutMs: 60_000,
    });
    expect(poolSettingsFor(buildUpstreamProfiles(config), config, 'https://iam.example')).toEqual({
      connections: 64,
      connectTimeoutMs: 3_000,
      keepAliveTimeoutMs: 4_000,
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 10_000,
    });
  });

  it('gives an origin shared by two upstreams the more generous value of each setting', () => {
    expect(poolSettingsFor(buildUpstreamProfiles(config), config, 'https://cloud.example')).toEqual(
      {
        connections: 100,
        connectTimeoutMs: 3_000,
        keepAliveTimeoutMs: 9_000,
        headersTimeoutMs: 30_000,
        bodyTimeoutMs: 30_000,
      },
    );
  });

  it('gives an origin no team names the most generous values of all upstreams', () => {
    expect(
      poolSettingsFor(buildUpstreamProfiles(config), config, 'http://elsewhere'),
    ).toMatchObject({
      connections: 100,
      headersTimeoutMs: 60_000,
      keepAliveTimeoutMs: 9_000,
    });
  });
});

describe('TLS and proxy of an origin', () => {
  const tls = { ca: 'PEM', rejectUnauthorized: true };
  const proxy = { fromEnvironment: true, noProxy: [] };
  const withTls = {
    ...config,
    proxy,
    upstreams: { ...config.upstreams, rainbond: { ...config.upstreams.rainbond, tls } },
  } as GatewayConfig;

  it('carries the TLS settings of the upstream at that origin, and the proxy of all', () => {
    expect(
      poolSettingsFor(buildUpstreamProfiles(withTls), withTls, 'http://rainbond.internal:7070'),
    ).toMatchObject({ tls, proxy });
    expect(
      poolSettingsFor(buildUpstreamProfiles(withTls), withTls, 'https://iam.example').tls,
    ).toBeUndefined();
  });

  it('warns, naming the upstream, when certificates are not verified', () => {
    expect(insecureTlsWarnings(buildUpstreamProfiles(withTls))).toEqual([]);
    const insecure = {
      ...withTls,
      upstreams: {
        ...withTls.upstreams,
        iam: { timeoutMs: 1, tls: { rejectUnauthorized: false } },
      },
    } as GatewayConfig;
    expect(insecureTlsWarnings(buildUpstreamProfiles(insecure))).toEqual([
      expect.stringMatching(/^TLS CERTIFICATES ARE NOT VERIFIED for upstream iam /),
    ]);
  });
});

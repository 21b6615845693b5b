import type { GatewayConfig, TeamConfig } from '../../config/gateway-config.schema';
import { settingsKeyOf, type UpstreamProfile, type UpstreamProfiles } from '../upstream-profiles';
import type { UpstreamName } from '../upstream.error';
import type { PoolSettings } from './undici-axios-adapter';

/** The configured endpoints of one team, each with the upstream whose profile applies to it. */
function endpointsOf(team: TeamConfig): [UpstreamName, string][] {
  const endpoints: [UpstreamName, string][] = [];
  if (team.rainbond) endpoints.push(['rainbond', team.rainbond.baseUrl]);
  if (team.workspace) {
    const { appCenter, appWarehouse, iam } = team.workspace.endpoints;
    endpoints.push(['app-center', appCenter], ['app-warehouse', appWarehouse], ['iam', iam]);
  }
  return endpoints;
}

/**
 * Pool settings for an origin, from the profiles of every upstream configured there. When several
 * share an origin (one host serving two APIs) the most generous values win; an origin no team
 * names gets the most generous of all upstreams.
 */
export function poolSettingsFor(
  profiles: UpstreamProfiles,
  config: Pick<GatewayConfig, 'teams' | 'proxy'>,
  origin: string,
): PoolSettings {
  const here = Object.values(config.teams)
    .flatMap(endpointsOf)
    .filter(([, url]) => new URL(url).origin === origin)
    .map(([upstream]) => profiles[upstream]);
  const chosen: UpstreamProfile[] = here.length > 0 ? here : Object.values(profiles);
  const most = (pick: (profile: UpstreamProfile) => number) => Math.max(...chosen.map(pick));
  const timeoutMs = most((profile) => profile.timeoutMs);
  return {
    connections: most((profile) => profile.pool.connections),
    connectTimeoutMs: most((profile) => profile.pool.connectTimeoutMs),
    keepAliveTimeoutMs: most((profile) => profile.pool.keepAliveTimeoutMs),
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
    tls: here.map((profile) => profile.pool.tls).find((tls) => tls !== undefined),
    proxy: config.proxy,
  };
}

/** One warning per upstream whose certificates are not verified, for the log at every start. */
export function insecureTlsWarnings(profiles: UpstreamProfiles): string[] {
  return Object.values(profiles)
    .filter((profile) => profile.pool.tls?.rejectUnauthorized === false)
    .map((profile) => {
      const key = settingsKeyOf(profile.name);
      return `TLS CERTIFICATES ARE NOT VERIFIED for upstream ${key} (upstreams.${key}.tls.rejectUnauthorized: false): anyone on the network path can read and change its calls, credentials included. For a test installation only; give tls.ca instead.`;
    });
}

import { REGISTERED_PROVIDERS } from '../../applications/registered-providers';
import type { GatewayConfig, TeamConfig } from '../../config/gateway-config.schema';
import type { UpstreamProfile, UpstreamProfiles } from '../upstream-profiles';
import type { PoolSettings } from './undici-axios-adapter';

/** The configured endpoints of one team, each with the upstream whose profile applies to it. */
function endpointsOf(team: TeamConfig): (readonly [string, string])[] {
  const sections: Readonly<Record<string, unknown>> = team;
  return REGISTERED_PROVIDERS.flatMap(({ account }) => {
    const section = sections[account.key];
    return section === undefined ? [] : account.endpoints(section);
  });
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
  const byName = new Map<string, UpstreamProfile>(
    Object.values(profiles).map((profile) => [profile.name, profile]),
  );
  const here = Object.values(config.teams)
    .flatMap(endpointsOf)
    .filter(([, url]) => new URL(url).origin === origin)
    .flatMap(([upstream]) => byName.get(upstream) ?? []);
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
      const key = profile.settingsKey;
      return `TLS CERTIFICATES ARE NOT VERIFIED for upstream ${key} (upstreams.${key}.tls.rejectUnauthorized: false): anyone on the network path can read and change its calls, credentials included. For a test installation only; give tls.ca instead.`;
    });
}

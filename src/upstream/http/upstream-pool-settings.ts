import {
  POOL_DEFAULTS,
  type GatewayConfig,
  type TeamConfig,
} from '../../config/gateway-config.schema';
import type { PoolSettings } from './undici-axios-adapter';

type UpstreamKey = keyof GatewayConfig['upstreams'];
type UpstreamSettings = GatewayConfig['upstreams'][UpstreamKey];

/** The configured endpoints of one team, each with the upstream whose settings apply to it. */
function endpointsOf(team: TeamConfig): [UpstreamKey, string][] {
  const endpoints: [UpstreamKey, string][] = [];
  if (team.rainbond) endpoints.push(['rainbond', team.rainbond.baseUrl]);
  if (team.workspace) {
    const { appCenter, appWarehouse, iam } = team.workspace.endpoints;
    endpoints.push(['appCenter', appCenter], ['appWarehouse', appWarehouse], ['iam', iam]);
  }
  return endpoints;
}

/**
 * Pool settings for an origin, from the `upstreams` settings of every upstream configured there.
 * When several share an origin (one host serving two APIs) the most generous values win; an origin
 * no team names gets the most generous of all upstreams.
 */
export function poolSettingsFor(config: GatewayConfig, origin: string): PoolSettings {
  const here = Object.values(config.teams)
    .flatMap(endpointsOf)
    .filter(([, url]) => new URL(url).origin === origin)
    .map(([upstream]) => config.upstreams[upstream]);
  const settings: UpstreamSettings[] = here.length > 0 ? here : Object.values(config.upstreams);
  const most = (pick: (s: UpstreamSettings) => number) => Math.max(...settings.map(pick));
  const timeoutMs = most((s) => s.timeoutMs);
  return {
    connections: most((s) => s.connections ?? POOL_DEFAULTS.connections),
    connectTimeoutMs: most((s) => s.connectTimeoutMs ?? POOL_DEFAULTS.connectTimeoutMs),
    keepAliveTimeoutMs: most((s) => s.keepAliveTimeoutMs ?? POOL_DEFAULTS.keepAliveTimeoutMs),
    headersTimeoutMs: timeoutMs,
    bodyTimeoutMs: timeoutMs,
    tls: here.map((upstream) => upstream.tls).find((tls) => tls !== undefined),
    proxy: config.proxy,
  };
}

/** One warning per upstream whose certificates are not verified, for the log at every start. */
export function insecureTlsWarnings(config: GatewayConfig): string[] {
  return Object.entries(config.upstreams)
    .filter(([, settings]) => settings.tls?.rejectUnauthorized === false)
    .map(
      ([upstream]) =>
        `TLS CERTIFICATES ARE NOT VERIFIED for upstream ${upstream} (upstreams.${upstream}.tls.rejectUnauthorized: false): anyone on the network path can read and change its calls, credentials included. For a test installation only; give tls.ca instead.`,
    );
}

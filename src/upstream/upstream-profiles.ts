import { POOL_DEFAULTS, type GatewayConfig } from '../config/gateway-config.schema';
import { parseRainbondError } from '../rainbond/rainbond-error.mapper';
import { parseWorkspaceError } from '../workspace/workspace.wire';
import { parseIamError } from './auth/iam.wire';
import type { UpstreamErrorParser } from './http/upstream-http';
import type { UpstreamName } from './upstream.error';

/**
 * How calls prove who they act as:
 * - `rainbond-token`: the team's personal access token as the raw `Authorization` value
 * - `workspace-account`: the team's IAM token in `X-Auth-Token` (fetched again once when rejected),
 *   or an AK/SK signature over the final request, by the team's `workspace.auth.type`
 * - `iam-identity`: the token request itself carries the identity; nothing is added
 */
export type AuthKind = 'rainbond-token' | 'workspace-account' | 'iam-identity';

/** Everything that is fixed per upstream, read from config once at start-up. */
export interface UpstreamProfile {
  readonly name: UpstreamName;
  /** Whole call, queue wait for a socket included. */
  readonly timeoutMs: number;
  readonly pool: {
    readonly connections: number;
    readonly connectTimeoutMs: number;
    readonly keepAliveTimeoutMs: number;
    readonly tls?: { ca?: string; cert?: string; key?: string; rejectUnauthorized: boolean };
  };
  /** Calls in flight and waiting, for the whole upstream. */
  readonly bulkhead: { readonly maxConcurrent: number; readonly maxQueued: number };
  /** One circuit per upstream account (Rainbond team, Workspace project, IAM account). */
  readonly breaker: { readonly consecutiveFailures: number; readonly halfOpenAfterMs: number };
  /**
   * Idempotent calls are retried after a timeout, reset or 5xx; any call when it was never sent.
   */
  readonly retry: {
    readonly maxRetries: number;
    readonly initialDelayMs: number;
    readonly maxDelayMs: number;
  };
  readonly auth: AuthKind;
  readonly parseError: UpstreamErrorParser;
  /** The upstream reports some failures as a 200 with an error body (Workspace's job errors). */
  readonly errorBodyOn200: boolean;
}

export type UpstreamProfiles = Readonly<Record<UpstreamName, UpstreamProfile>>;

/** Nest token of the profiles built from the gateway's config. */
export const UPSTREAM_PROFILES = Symbol('UPSTREAM_PROFILES');

const SETTINGS_KEY: Record<UpstreamName, keyof GatewayConfig['upstreams']> = {
  rainbond: 'rainbond',
  'app-center': 'appCenter',
  'app-warehouse': 'appWarehouse',
  iam: 'iam',
};

const WIRE: Record<
  UpstreamName,
  Pick<UpstreamProfile, 'auth' | 'parseError' | 'errorBodyOn200'>
> = {
  rainbond: { auth: 'rainbond-token', parseError: parseRainbondError, errorBodyOn200: false },
  'app-center': {
    auth: 'workspace-account',
    parseError: parseWorkspaceError,
    errorBodyOn200: true,
  },
  'app-warehouse': {
    auth: 'workspace-account',
    parseError: parseWorkspaceError,
    errorBodyOn200: true,
  },
  iam: { auth: 'iam-identity', parseError: parseIamError, errorBodyOn200: false },
};

/** The only reader of `upstreams.*` and `resilience.*`: one profile per upstream. */
export function buildUpstreamProfiles(
  config: Pick<GatewayConfig, 'upstreams' | 'resilience'>,
): UpstreamProfiles {
  const profileOf = (name: UpstreamName): UpstreamProfile => {
    const settings = config.upstreams[SETTINGS_KEY[name]];
    return {
      name,
      timeoutMs: settings.timeoutMs,
      pool: {
        connections: settings.connections ?? POOL_DEFAULTS.connections,
        connectTimeoutMs: settings.connectTimeoutMs ?? POOL_DEFAULTS.connectTimeoutMs,
        keepAliveTimeoutMs: settings.keepAliveTimeoutMs ?? POOL_DEFAULTS.keepAliveTimeoutMs,
        tls: settings.tls,
      },
      bulkhead: { maxConcurrent: settings.maxConcurrent, maxQueued: settings.maxQueued },
      breaker: { ...config.resilience.circuitBreaker },
      retry: { ...config.resilience.retry },
      ...WIRE[name],
    };
  };
  return {
    rainbond: profileOf('rainbond'),
    'app-center': profileOf('app-center'),
    'app-warehouse': profileOf('app-warehouse'),
    iam: profileOf('iam'),
  };
}

/** The key of an upstream's settings under `upstreams` in the config file, for messages. */
export function settingsKeyOf(name: UpstreamName): keyof GatewayConfig['upstreams'] {
  return SETTINGS_KEY[name];
}

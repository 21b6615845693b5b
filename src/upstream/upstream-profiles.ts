import { REGISTERED_PROVIDERS } from '../applications/registered-providers';
import { POOL_DEFAULTS, type GatewayConfig } from '../config/gateway-config.schema';
import type { UpstreamTarget } from './auth/auth-strategies';
import { parseIamError } from './auth/iam.wire';
import type { AuthStrategies } from './auth/upstream-accounts';
import type { UpstreamErrorParser } from './http/upstream-http';
import type { UpstreamName } from './upstream.error';

/**
 * How a team's calls to an upstream prove who they act as: the team's account section of the
 * provider, and the target (base URL, circuit scope, credential) the provider builds from it with
 * one of the room's auth strategies. An upstream without one (IAM) carries its identity itself.
 */
export interface TeamAccountAccess {
  /** The key of the account section under `teams.<team>`. */
  readonly section: string;
  /** The platform a 404 names when a team has no account on it. */
  readonly platform: string;
  target(account: unknown, auth: AuthStrategies): UpstreamTarget;
}

/** Everything that is fixed per upstream, read from config once at start-up. */
export interface UpstreamProfile {
  readonly name: UpstreamName;
  /** The key of its settings under `upstreams` in the config file, for messages. */
  readonly settingsKey: string;
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
  /** The team account its calls act as; none for IAM, whose token requests carry the identity. */
  readonly teamAccount?: TeamAccountAccess;
  readonly parseError: UpstreamErrorParser;
  /** The upstream reports some failures as a 200 with an error body (Workspace's job errors). */
  readonly errorBodyOn200: boolean;
}

export type UpstreamProfiles = Readonly<Record<UpstreamName, UpstreamProfile>>;

/** Nest token of the profiles built from the gateway's config. */
export const UPSTREAM_PROFILES = Symbol('UPSTREAM_PROFILES');

type Wire = Pick<UpstreamProfile, 'settingsKey' | 'teamAccount' | 'parseError' | 'errorBodyOn200'>;

/** The registered providers' upstreams, in the order of the list, then IAM. */
const WIRE: readonly (readonly [string, Wire])[] = [
  ...REGISTERED_PROVIDERS.flatMap(({ account, upstreams }) =>
    upstreams.map((upstream) => {
      const teamAccount: TeamAccountAccess = {
        section: account.key,
        platform: account.platform,
        target: (section, auth) => upstream.target(section, auth),
      };
      const wire: Wire = {
        settingsKey: upstream.settingsKey,
        teamAccount,
        parseError: upstream.parseError,
        errorBodyOn200: upstream.errorBodyOn200,
      };
      return [upstream.name, wire] as const;
    }),
  ),
  ['iam', { settingsKey: 'iam', parseError: parseIamError, errorBodyOn200: false }],
];

/** The only reader of `upstreams.*` and `resilience.*`: one profile per upstream. */
export function buildUpstreamProfiles(
  config: Pick<GatewayConfig, 'upstreams' | 'resilience'>,
): UpstreamProfiles {
  const settingsByKey: Readonly<Record<string, GatewayConfig['upstreams']['iam']>> =
    config.upstreams;
  const profiles = WIRE.map(([name, wire]) => {
    const settings = settingsByKey[wire.settingsKey];
    const profile = {
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
      ...wire,
    };
    return [name, profile] as const;
  });
  // WIRE names exactly the UpstreamNames, each once: the providers' upstreams, then IAM.
  return Object.fromEntries(profiles) as UpstreamProfiles;
}

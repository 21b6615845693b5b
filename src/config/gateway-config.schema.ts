import { z } from 'zod';
import { DEFAULT_JSON_DEPTH_LIMIT } from '../common/input-bounds';
import { alternatives } from '../applications/provider-definition';
import {
  PROVIDER_DEFINITIONS,
  REGISTERED_PROVIDERS,
  type RegisteredProvider,
} from '../applications/registered-providers';
import { corsSchema, oidcSchema } from './browser-access.schema';
import { callerNameSchema, ownRateLimitSchema } from './caller-fields.schema';
import { crossReferenceIssues } from './config-cross-references';
import { httpUrl, secret } from './config-fields.schema';
import { docsSchema, metricsSchema } from './operator-endpoints.schema';
import { proxySchema, upstreamTlsSchema } from './outbound-network.schema';

export const TEAM_KEY_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** Connection pool defaults, applied where the pool is built (these fields stay optional). */
export const POOL_DEFAULTS = {
  connections: 64,
  connectTimeoutMs: 3_000,
  keepAliveTimeoutMs: 4_000,
};

const upstreamSettings = (timeoutMs: number) =>
  z
    .object({
      timeoutMs: z
        .number()
        .int()
        .min(100)
        .max(600_000)
        .default(timeoutMs)
        .describe('total time for one attempt, from connecting to the last byte; 504 after it'),
      maxConcurrent: z
        .number()
        .int()
        .min(1)
        .max(10_000)
        .default(256)
        .describe('calls in flight to this upstream at once, over all teams'),
      maxQueued: z
        .number()
        .int()
        .min(0)
        .max(100_000)
        .default(1024)
        .describe('calls waiting for a slot; beyond this a call is refused with 503 at once'),
      connections: z
        .number()
        .int()
        .min(1)
        .max(1024)
        .optional()
        .describe(
          `most sockets open to one origin of this upstream, further requests queue (default ${POOL_DEFAULTS.connections})`,
        ),
      connectTimeoutMs: z
        .number()
        .int()
        .min(100)
        .max(60_000)
        .optional()
        .describe(`TCP connect and TLS handshake (default ${POOL_DEFAULTS.connectTimeoutMs})`),
      keepAliveTimeoutMs: z
        .number()
        .int()
        .min(1_000)
        .max(600_000)
        .optional()
        .describe(
          `idle time before a pooled socket is closed, below the upstream's own idle timeout (default ${POOL_DEFAULTS.keepAliveTimeoutMs})`,
        ),
      tls: upstreamTlsSchema.optional(),
    })
    .strict()
    .prefault({});

/** The settings of each registered provider's upstreams, by their keys, as the schema types them. */
type ProviderUpstreamSections = {
  [U in RegisteredProvider['upstreams'][number] as U['settingsKey']]: ReturnType<
    typeof upstreamSettings
  >;
};

const providerUpstreamSections = Object.fromEntries(
  REGISTERED_PROVIDERS.flatMap(({ upstreams }) =>
    upstreams.map((upstream) => [
      upstream.settingsKey,
      upstreamSettings(upstream.defaultTimeoutMs),
    ]),
  ),
) as ProviderUpstreamSections;

/** The longest time one upstream call may take, whichever upstream it goes to. */
export function longestUpstreamTimeoutMs(upstreams: Record<string, { timeoutMs: number }>): number {
  return Math.max(...Object.values(upstreams).map((upstream) => upstream.timeoutMs));
}

/** Each registered provider's account section, by its key, as the schema types it. */
type AccountSections = {
  [D in RegisteredProvider as D['account']['key']]: z.ZodOptional<D['account']['schema']>;
};

const ACCOUNT_KEYS = REGISTERED_PROVIDERS.map(({ account }) => account.key);

const accountSections = Object.fromEntries(
  PROVIDER_DEFINITIONS.map(({ account }) => [
    account.key,
    account.schema.optional().describe(account.description),
  ]),
) as AccountSections;

const NEEDS_AN_ACCOUNT = `needs ${alternatives(ACCOUNT_KEYS.map((key) => `a ${key}`))} section${
  ACCOUNT_KEYS.length > 1 ? ` (or ${ACCOUNT_KEYS.length === 2 ? 'both' : 'several'})` : ''
}`;

export const teamSchema = z
  .object({
    displayName: z.string().min(1).max(128).describe('the name GET /v1/teams shows'),
    ...accountSections,
  })
  .strict()
  .refine(
    (team) => {
      const sections: Readonly<Record<string, unknown>> = team;
      return ACCOUNT_KEYS.some((key) => sections[key] !== undefined);
    },
    { message: `a team ${NEEDS_AN_ACCOUNT}` },
  )
  .describe(NEEDS_AN_ACCOUNT);

export const callerSchema = z
  .object({
    name: callerNameSchema.describe('the caller in the access log'),
    keys: z
      .array(z.string().regex(/^[0-9a-f]{64}$/, 'must be the lowercase hex SHA-256 of an API key'))
      .min(1)
      .describe('SHA-256 hashes of the API keys this caller may use (several for rotation)'),
    teams: z
      .array(z.string().regex(TEAM_KEY_PATTERN))
      .describe('team keys this caller may use; each must be configured under teams'),
    requestsPerWindow: ownRateLimitSchema.describe(
      "this caller's own rate limit, instead of rateLimit.requestsPerWindow",
    ),
  })
  .strict();

export const gatewayConfigSchema = z
  .object({
    server: z
      .object({
        host: z.string().min(1).default('0.0.0.0').describe('address to listen on'),
        port: z
          .number()
          .int()
          .min(0)
          .max(65535)
          .default(3000)
          .describe('TCP port; the PORT environment variable overrides it'),
        shutdownDrainMs: z
          .number()
          .int()
          .min(0)
          .max(120_000)
          .default(5_000)
          .describe(
            'after SIGTERM: how long to keep serving while readiness is false, before closing',
          ),
        requestTimeoutMs: z
          .number()
          .int()
          .min(1_000)
          .max(3_600_000)
          .default(120_000)
          .describe(
            'a whole inbound request (headers and body) must arrive within this time, else 408 problem and the connection is closed; checked every 500 ms (slow-loris safe)',
          ),
        headersTimeoutMs: z
          .number()
          .int()
          .min(1_000)
          .max(600_000)
          .default(10_000)
          .describe(
            'the request line and headers must arrive within this time (at most requestTimeoutMs), else 408 problem; also closes a connection that sends nothing',
          ),
        keepAliveTimeoutMs: z
          .number()
          .int()
          .min(1_000)
          .max(600_000)
          .default(72_000)
          .describe(
            'an idle keep-alive connection is closed after this time; keep it above the idle timeout of a load balancer in front',
          ),
        bodyLimitBytes: z
          .number()
          .int()
          .min(1_024)
          .max(50 * 1024 * 1024)
          .default(1024 * 1024)
          .describe(
            'largest request body accepted, 413 problem beyond; bodies must be application/json (charset utf-8 only) without Content-Encoding other than identity, else 415 problem',
          ),
        jsonDepthLimit: z
          .number()
          .int()
          .min(2)
          .max(256)
          .default(DEFAULT_JSON_DEPTH_LIMIT)
          .describe(
            'deepest nesting of arrays and objects in a JSON body (`{}` is 1), checked before the body is parsed; deeper bodies get 400 validation-failed. The one nesting bound: request validation applies no other, so a higher value admits deeper bodies as much as a lower one refuses them',
          ),
      })
      .strict()
      .prefault({})
      .describe('where the gateway listens'),
    upstreams: z
      .object({ ...providerUpstreamSections, iam: upstreamSettings(10_000) })
      .strict()
      .prefault({})
      .describe('HTTP settings per upstream'),
    proxy: proxySchema.optional(),
    iam: z
      .object({
        tokenExpiryMarginSeconds: z
          .number()
          .int()
          .min(0)
          .max(43_200)
          .default(900)
          .describe('a token is used until expires_at minus this margin'),
        refreshAheadSeconds: z
          .number()
          .int()
          .min(0)
          .max(43_200)
          .default(600)
          .describe(
            'this long before that, a request starts a background refresh and keeps using the old token',
          ),
      })
      .strict()
      .prefault({})
      .describe('IAM token cache of the password and agency auth types'),
    resilience: z
      .object({
        retry: z
          .object({
            maxRetries: z
              .number()
              .int()
              .min(0)
              .max(10)
              .default(2)
              .describe(
                'retries of a GET or IAM token call after a timeout, network error or 5xx, and of any call refused before it was sent',
              ),
            initialDelayMs: z.number().int().min(1).max(60_000).default(100),
            maxDelayMs: z.number().int().min(1).max(300_000).default(2_000),
          })
          .strict()
          .prefault({}),
        circuitBreaker: z
          .object({
            consecutiveFailures: z
              .number()
              .int()
              .min(1)
              .max(1_000)
              .default(5)
              .describe(
                'failures in a row (5xx, timeout, network, bad body) that open the circuit of one upstream for one team',
              ),
            halfOpenAfterMs: z
              .number()
              .int()
              .min(100)
              .max(3_600_000)
              .default(15_000)
              .describe('how long an open circuit refuses calls (503) before one probe call'),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    rateLimit: z
      .object({
        requestsPerWindow: z
          .number()
          .int()
          .min(0)
          .max(1_000_000)
          .default(600)
          .describe(
            'requests one principal (a caller, over all its keys, or one signed-in user) may make per window over all routes together, each request costing 1; 0 turns it off; answers carry RateLimit-Limit, -Remaining and -Reset, and a refusal is a 429 problem with Retry-After',
          ),
        windowSeconds: z
          .number()
          .int()
          .min(1)
          .max(86_400)
          .default(60)
          .describe(
            'length of the fixed window the budget is counted in; memory counters align windows to the clock, Redis counters start a window at its first request (shared by every replica)',
          ),
      })
      .strict()
      .prefault({}),
    reads: z
      .object({
        cacheTtlSeconds: z
          .number()
          .int()
          .min(0)
          .max(300)
          .default(5)
          .describe(
            'how long a list or get answer is reused for the same caller, team and query (0: never); writes to the team clear it',
          ),
        cursorSecret: secret
          .optional()
          .describe(
            'key that signs list cursors; set the same one on every replica (default: random per process)',
          ),
      })
      .strict()
      .prefault({}),
    progress: z
      .object({
        pollIntervalMs: z
          .number()
          .int()
          .min(50)
          .max(60_000)
          .default(1_000)
          .describe(
            'first interval between two upstream reads of one application while it is watched',
          ),
        maxPollIntervalMs: z
          .number()
          .int()
          .min(50)
          .max(300_000)
          .default(15_000)
          .describe('the interval doubles while nothing changes, up to this'),
        heartbeatSeconds: z
          .number()
          .int()
          .min(1)
          .max(300)
          .default(15)
          .describe('a comment line on an idle event stream, so proxies keep it open'),
        maxStreamSeconds: z
          .number()
          .int()
          .min(1)
          .max(86_400)
          .default(600)
          .describe('an event stream is closed after this; clients reconnect with Last-Event-ID'),
        leaseMs: z
          .number()
          .int()
          .min(100)
          .max(60_000)
          .default(5_000)
          .describe(
            'with Redis: how long the replica that polls an application holds it without renewing',
          ),
        eventsPerComponent: z
          .number()
          .int()
          .min(0)
          .max(50)
          .default(5)
          .describe('latest Rainbond events read per component (0: none)'),
        ticketTtlSeconds: z
          .number()
          .int()
          .min(5)
          .max(3_600)
          .default(60)
          .describe('lifetime of a stream ticket, the EventSource credential'),
        ticketSecret: secret
          .optional()
          .describe(
            'key that signs stream tickets; set the same one on every replica (default: random per process)',
          ),
      })
      .strict()
      .prefault({}),
    tracing: z
      .object({
        enabled: z
          .boolean()
          .default(false)
          .describe(
            'OpenTelemetry spans for inbound and upstream HTTP, exported over OTLP/HTTP; traceparent is propagated either way',
          ),
        serviceName: z.string().min(1).default('application-gateway'),
        otlpEndpoint: httpUrl
          .default('http://127.0.0.1:4318/v1/traces')
          .describe('OTLP/HTTP traces endpoint of the collector'),
        sampleRatio: z
          .number()
          .min(0)
          .max(1)
          .default(1)
          .describe("share of new traces recorded; a caller's sampled flag is followed"),
      })
      .strict()
      .prefault({}),
    logging: z
      .object({
        level: z
          .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
          .default('info')
          .describe('least severe level written'),
        pretty: z.boolean().default(false).describe('human-readable lines instead of JSON'),
      })
      .strict()
      .prefault({})
      .describe('logs written to stdout'),
    redis: z
      .object({
        url: z
          .url({ protocol: /^rediss?$/ })
          .optional()
          .describe(
            'redis[s]://[user:password@]host:port[/db]; a reference, as it can hold a password; REDIS_URL when omitted',
          ),
        password: secret
          .optional()
          .describe('the Redis AUTH password, for a url without one (e.g. a Docker secret file)'),
        keyPrefix: z
          .string()
          .regex(/^[A-Za-z0-9:._-]{0,64}$/)
          .default('gw:')
          .describe(
            'prefix of every key the gateway writes, so instances of one deployment share them',
          ),
      })
      .strict()
      .prefault({}),
    idempotency: z
      .object({
        ttlSeconds: z
          .number()
          .int()
          .min(60)
          .max(604_800)
          .default(86_400)
          .describe('how long a completed request is replayed for its Idempotency-Key'),
        leaseSeconds: z
          .number()
          .int()
          .min(1)
          .max(3_600)
          .optional()
          .describe(
            'how long an in-flight marker lives if its instance dies; default: twice the longest upstream timeout plus 10 s',
          ),
        memoryMaxKeys: z
          .number()
          .int()
          .min(100)
          .max(1_000_000)
          .default(10_000)
          .describe(
            'keys the per-instance memory store holds at most (least recently used go first)',
          ),
      })
      .strict()
      .prefault({}),
    metrics: metricsSchema,
    docs: docsSchema,
    callers: z
      .array(callerSchema)
      .min(1)
      .describe('the services and front-ends allowed to call, each with its API keys'),
    oidc: oidcSchema
      .optional()
      .describe('sign-in of browser users with tokens of an OIDC provider'),
    cors: corsSchema.optional().describe('browser origins allowed to call; no CORS without it'),
    teams: z
      .record(z.string().regex(TEAM_KEY_PATTERN), teamSchema)
      .describe('the teams the gateway serves, by team key: the {team} of the API paths'),
  })
  .strict()
  .superRefine(
    (config, ctx) => {
      for (const issue of crossReferenceIssues(config)) ctx.addIssue({ code: 'custom', ...issue });
    },
    // Also when other settings are invalid: every fault of a file is reported in one round.
    { when: () => true },
  );

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type RedisConfig = GatewayConfig['redis'];
export type IdempotencyConfig = GatewayConfig['idempotency'];
export type TeamConfig = z.infer<typeof teamSchema>;
export type CallerConfig = z.infer<typeof callerSchema>;
export type TracingConfig = GatewayConfig['tracing'];
export type ProgressConfig = GatewayConfig['progress'];

/** The secrets only the outbound room may read: the teams' upstream credentials and TLS keys. */
export const UPSTREAM_SECRET_PATHS = [
  ...REGISTERED_PROVIDERS.flatMap(({ account }) =>
    account.secrets.map((path) => `teams.*.${account.key}.${path}`),
  ),
  'upstreams.*.tls.key',
];

/** Paths (with `*` for any key or index) whose values are secrets and must come from a reference. */
export const SECRET_PATHS = [
  'progress.ticketSecret',
  'reads.cursorSecret',
  'redis.url',
  'redis.password',
  ...UPSTREAM_SECRET_PATHS,
];

/** Paths whose values must come from a `file:` reference: PEM files, too long for a variable. */
export const FILE_PATHS = ['upstreams.*.tls.ca', 'upstreams.*.tls.cert'];

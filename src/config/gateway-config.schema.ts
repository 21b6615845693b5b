import { z } from 'zod';

export const TEAM_KEY_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const REGION_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const httpUrl = z.url({ protocol: /^https?$/ }).describe('absolute http(s) URL');
const secret = z.string().min(1).describe('a ${ENV_VAR} or file:/path reference, never a literal');

/** Connection pool defaults, applied where the pool is built (these fields stay optional). */
export const POOL_DEFAULTS = {
  connections: 64,
  connectTimeoutMs: 3_000,
  keepAliveTimeoutMs: 4_000,
};

const upstreamSettings = (timeoutMs: number) =>
  z
    .object({
      timeoutMs: z.number().int().min(100).max(600_000).default(timeoutMs),
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
    })
    .strict()
    .prefault({});

export const rainbondTeamSchema = z
  .object({
    baseUrl: httpUrl.describe('Rainbond console URL; the OpenAPI lives under /openapi/v1'),
    teamName: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .describe('the team tenant_name (or tenant_id) in Rainbond, e.g. o19p6wen'),
    regions: z
      .array(z.string().regex(REGION_PATTERN))
      .min(1)
      .describe('cluster region_names this team may use'),
    token: secret.describe('Rainbond personal access token, sent as the raw Authorization value'),
  })
  .strict();

const passwordIdentityFields = {
  domainName: z.string().min(1).describe('Huawei Cloud account (domain) name of the IAM user'),
  userName: z.string().min(1).describe('IAM user name'),
  password: secret,
};

export const passwordAuthSchema = z
  .object({ type: z.literal('password'), ...passwordIdentityFields })
  .strict()
  .describe('an IAM user of the account that owns the project, token scoped to the project');

export const agencyAuthSchema = z
  .object({
    type: z.literal('agency'),
    domainName: z.string().min(1).describe('the delegating account, which owns the project'),
    agencyName: z.string().min(1).describe('the agency that account created for the gateway'),
    durationSeconds: z
      .number()
      .int()
      .min(900)
      .max(86_400)
      .optional()
      .describe('lifetime of the agency token (IAM default: 24 h)'),
    via: z
      .object(passwordIdentityFields)
      .strict()
      .describe('the IAM user of the delegated account that assumes the agency'),
  })
  .strict()
  .describe('assume_role: a token of another account that the owning account delegated to');

export const akskAuthSchema = z
  .object({
    type: z.literal('aksk'),
    accessKey: secret,
    secretKey: secret,
    securityToken: secret.optional().describe('for temporary AK/SK only'),
  })
  .strict()
  .describe('every request signed with SDK-HMAC-SHA256; no IAM token');

export const workspaceTeamSchema = z
  .object({
    region: z.string().regex(REGION_PATTERN).describe('Huawei Cloud region, e.g. cn-north-4'),
    projectId: z
      .string()
      .regex(/^[A-Za-z0-9]{1,64}$/)
      .describe('IAM project id for the region'),
    endpoints: z
      .object({
        appCenter: httpUrl.describe(
          'Workspace endpoint, e.g. https://workspace.cn-north-4.myhuaweicloud.com',
        ),
        appWarehouse: httpUrl.describe(
          'WorkspaceApp endpoint, e.g. https://appstream.cn-north-4.myhuaweicloud.com',
        ),
        iam: httpUrl.describe('IAM endpoint, e.g. https://iam.cn-north-4.myhuaweicloud.com'),
      })
      .strict(),
    auth: z.discriminatedUnion('type', [passwordAuthSchema, agencyAuthSchema, akskAuthSchema]),
  })
  .strict();

export const teamSchema = z
  .object({
    displayName: z.string().min(1).max(128),
    rainbond: rainbondTeamSchema.optional(),
    workspace: workspaceTeamSchema.optional(),
  })
  .strict()
  .refine((team) => team.rainbond || team.workspace, {
    message: 'a team needs a rainbond or a workspace section (or both)',
  });

export const callerSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/),
    keys: z
      .array(z.string().regex(/^[0-9a-f]{64}$/, 'must be the lowercase hex SHA-256 of an API key'))
      .min(1)
      .describe('SHA-256 hashes of the API keys this caller may use (several for rotation)'),
    teams: z.array(z.string().regex(TEAM_KEY_PATTERN)).describe('team keys this caller may use'),
  })
  .strict();

export const gatewayConfigSchema = z
  .object({
    server: z
      .object({
        host: z.string().min(1).default('0.0.0.0'),
        port: z.number().int().min(0).max(65535).default(3000),
      })
      .strict()
      .prefault({}),
    upstreams: z
      .object({
        rainbond: upstreamSettings(60_000),
        appCenter: upstreamSettings(30_000),
        appWarehouse: upstreamSettings(30_000),
        iam: upstreamSettings(10_000),
      })
      .strict()
      .prefault({}),
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
      .prefault({}),
    logging: z
      .object({
        level: z
          .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
          .default('info'),
        pretty: z.boolean().default(false).describe('human-readable lines instead of JSON'),
      })
      .strict()
      .prefault({}),
    callers: z.array(callerSchema).min(1),
    teams: z.record(z.string().regex(TEAM_KEY_PATTERN), teamSchema),
  })
  .strict()
  .superRefine((config, ctx) => {
    config.callers.forEach((caller, i) =>
      caller.teams.forEach((team, j) => {
        if (!(team in config.teams)) {
          ctx.addIssue({
            code: 'custom',
            path: ['callers', i, 'teams', j],
            message: `names team "${team}", which is not configured`,
          });
        }
      }),
    );
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type TeamConfig = z.infer<typeof teamSchema>;
export type RainbondTeamConfig = z.infer<typeof rainbondTeamSchema>;
export type WorkspaceTeamConfig = z.infer<typeof workspaceTeamSchema>;
export type CallerConfig = z.infer<typeof callerSchema>;
export type WorkspaceAuthConfig = WorkspaceTeamConfig['auth'];
export type PasswordIdentityConfig = z.infer<typeof agencyAuthSchema>['via'];
export type AgencyAuthConfig = z.infer<typeof agencyAuthSchema>;
export type AkSkAuthConfig = z.infer<typeof akskAuthSchema>;

/** Paths (with `*` for any key or index) whose values are secrets and must come from a reference. */
export const SECRET_PATHS = [
  'teams.*.rainbond.token',
  'teams.*.workspace.auth.password',
  'teams.*.workspace.auth.via.password',
  'teams.*.workspace.auth.accessKey',
  'teams.*.workspace.auth.secretKey',
  'teams.*.workspace.auth.securityToken',
];

import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startProcess, type BenchProcess } from './child-process';
import { REPO_ROOT } from './paths';

export const BENCH_API_KEY = 'bench-api-key-0123456789';
/** The Rainbond team and region of team `acme`, as the upstream sees them. */
export const BENCH_RAINBOND = { teamName: 'o19p6wen', region: 'region-1' };

const GATEWAY_MAIN = join(REPO_ROOT, 'dist', 'main.js');

/** The rate-limit window the bench gateway runs with unless a run compares windows. */
export const DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 60;
/**
 * The bench's rate limit admits 100,000 requests per second of its window, far above any load, up
 * to the most the configuration allows per window (a 1 h window then admits 1,000,000 in its
 * hour: more than one run sends to one gateway).
 */
const ADMITTED_PER_SECOND = 100_000;
const MAX_PER_WINDOW = 1_000_000;

/**
 * Production configuration against the tiny upstream: team `acme` (Rainbond, and Workspace with an
 * IAM password, so a cached token) and team `globex` (Workspace with AK/SK signing). The rate limit
 * stays on, high enough never to refuse: it is part of what a request costs.
 */
function benchConfig(upstream: string, windowSeconds: number) {
  const workspace = (auth: Record<string, string>) => ({
    region: 'cn-north-4',
    projectId: '0123456789abcdef0123456789abcdef',
    endpoints: { appCenter: upstream, appWarehouse: upstream, iam: upstream },
    auth,
  });
  return {
    server: { shutdownDrainMs: 0 },
    logging: { level: 'info' },
    rateLimit: {
      requestsPerWindow: Math.min(MAX_PER_WINDOW, ADMITTED_PER_SECOND * windowSeconds),
      windowSeconds,
    },
    callers: [
      {
        name: 'bench',
        keys: [createHash('sha256').update(BENCH_API_KEY).digest('hex')],
        teams: ['acme', 'globex'],
      },
    ],
    teams: {
      acme: {
        displayName: 'Acme',
        rainbond: {
          baseUrl: upstream,
          teamName: BENCH_RAINBOND.teamName,
          regions: [BENCH_RAINBOND.region],
          token: '${BENCH_RAINBOND_TOKEN}',
        },
        workspace: workspace({
          type: 'password',
          domainName: 'bench-account',
          userName: 'bench-publisher',
          password: '${BENCH_IAM_PASSWORD}',
        }),
      },
      globex: {
        displayName: 'Globex',
        workspace: workspace({
          type: 'aksk',
          accessKey: '${BENCH_ACCESS_KEY}',
          secretKey: '${BENCH_SECRET_KEY}',
        }),
      },
    },
  };
}

/** The configuration file the bench gateway runs with. */
export function benchConfigYaml(
  upstream: string,
  windowSeconds = DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
): string {
  return stringify(benchConfig(upstream, windowSeconds));
}

/** The made-up upstream credentials its `${...}` references resolve to. */
export const BENCH_SECRETS = {
  BENCH_RAINBOND_TOKEN: 'bench-rainbond-token',
  BENCH_IAM_PASSWORD: 'bench-iam-password',
  BENCH_ACCESS_KEY: 'BENCHACCESSKEY0123456',
  BENCH_SECRET_KEY: 'bench-secret-key-0123456789',
};

export interface GatewayStartOptions {
  upstream: string;
  nodeArgs?: string[];
  /** The rate limit's window (default {@link DEFAULT_RATE_LIMIT_WINDOW_SECONDS}). */
  rateLimitWindowSeconds?: number;
}

/** The built gateway (`dist/main.js`) in production mode, as `npm run start:prod` runs it. */
export function startGateway(options: GatewayStartOptions): Promise<BenchProcess> {
  const directory = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
  const configFile = join(directory, 'gateway.yaml');
  writeFileSync(configFile, benchConfigYaml(options.upstream, options.rateLimitWindowSeconds));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    CONFIG_FILE: configFile,
    ...BENCH_SECRETS,
    // Each instance on its own memory unless the run asks for Redis (BENCH_REDIS_URL).
    REDIS_URL: process.env.BENCH_REDIS_URL ?? '',
  };
  return startProcess({
    name: 'gateway',
    script: GATEWAY_MAIN,
    nodeArgs: options.nodeArgs,
    env,
    readyPath: '/health/live',
  });
}

import type { HttpService } from '@nestjs/axios';
import { LoggerModule, type PinoLogger } from 'nestjs-pino';
import type { GatewayConfig, TeamConfig } from '../config/gateway-config.schema';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { MetricsModule } from '../metrics/metrics.module';
import type { IamClient } from './auth/iam.client';
import { IamTokenService } from './auth/iam-token.service';
import { UpstreamAccounts } from './auth/upstream-accounts';
import { UpstreamPolicies } from './resilience/upstream-policies';
import { UpstreamPipeline, UpstreamSender } from './upstream-pipeline';
import { buildUpstreamProfiles } from './upstream-profiles';

const UPSTREAM = { timeoutMs: 1_000, maxConcurrent: 256, maxQueued: 1_024 };

/** Settings for adapter and IAM client unit tests: no retries, a circuit that never opens. */
export const QUIET_POLICIES: Pick<GatewayConfig, 'upstreams' | 'resilience'> = {
  upstreams: { rainbond: UPSTREAM, appCenter: UPSTREAM, appWarehouse: UPSTREAM, iam: UPSTREAM },
  resilience: {
    retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1 },
    circuitBreaker: { consecutiveFailures: 1_000, halfOpenAfterMs: 1_000 },
  },
};

export interface TestUpstreamSender {
  sender: UpstreamSender;
  metrics: GatewayMetrics;
  /** The fields of every 'upstream call' line. */
  logLines: Record<string, unknown>[];
}

type PolicySettings = Partial<Pick<GatewayConfig, 'upstreams' | 'resilience'>>;

/** The pipeline's steps after the account lookup, over `http`, with its metrics and log lines exposed. */
export function testUpstreamSender(
  http: HttpService,
  settings: PolicySettings = {},
): TestUpstreamSender {
  const profiles = buildUpstreamProfiles({ ...QUIET_POLICIES, ...settings });
  const metrics = new GatewayMetrics();
  const logLines: Record<string, unknown>[] = [];
  const logger = { info: (fields: Record<string, unknown>) => logLines.push(fields) };
  const sender = new UpstreamSender(
    http,
    profiles,
    new UpstreamPolicies(profiles, metrics),
    metrics,
    logger as unknown as PinoLogger,
  );
  return { sender, metrics, logLines };
}

export interface TestUpstreamPipeline extends TestUpstreamSender {
  pipeline: UpstreamPipeline;
  tokens: IamTokenService;
}

/**
 * An UpstreamPipeline over `http` for the configured `teams` (credentials included, as the loaded
 * config holds them). IAM tokens come from `iam` (a stand-in IamClient) unless `tokens` is given.
 */
export function testUpstreamPipeline(
  http: HttpService,
  teams: Record<string, TeamConfig>,
  options: { settings?: PolicySettings; iam?: Partial<IamClient>; tokens?: IamTokenService } = {},
): TestUpstreamPipeline {
  const steps = testUpstreamSender(http, options.settings);
  const config = {
    ...QUIET_POLICIES,
    ...options.settings,
    teams,
    iam: { tokenExpiryMarginSeconds: 900, refreshAheadSeconds: 600 },
  } as GatewayConfig;
  const tokens = options.tokens ?? new IamTokenService(options.iam as IamClient, config);
  const accounts = new UpstreamAccounts(config, buildUpstreamProfiles(config), tokens);
  return { ...steps, tokens, pipeline: new UpstreamPipeline(accounts, steps.sender) };
}

/** What a module under test needs besides its own imports: the metrics and a silent logger. */
export function upstreamInfrastructureForTests() {
  return [MetricsModule, LoggerModule.forRoot({ pinoHttp: { level: 'silent' } })];
}

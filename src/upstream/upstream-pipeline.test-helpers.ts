import type { HttpService } from '@nestjs/axios';
import { LoggerModule, type PinoLogger } from 'nestjs-pino';
import type { GatewayConfig } from '../config/gateway-config.schema';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { MetricsModule } from '../metrics/metrics.module';
import { UpstreamPolicies } from './resilience/upstream-policies';
import { UpstreamPipeline } from './upstream-pipeline';

const UPSTREAM = { timeoutMs: 1_000, maxConcurrent: 256, maxQueued: 1_024 };

/** Settings for client unit tests: no retries, a circuit that never opens. */
export const QUIET_POLICIES: Pick<GatewayConfig, 'upstreams' | 'resilience'> = {
  upstreams: { rainbond: UPSTREAM, appCenter: UPSTREAM, appWarehouse: UPSTREAM, iam: UPSTREAM },
  resilience: {
    retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1 },
    circuitBreaker: { consecutiveFailures: 1_000, halfOpenAfterMs: 1_000 },
  },
};

export interface TestUpstreamPipeline {
  caller: UpstreamPipeline;
  metrics: GatewayMetrics;
  /** The fields of every 'upstream call' line. */
  logLines: Record<string, unknown>[];
}

/** An UpstreamPipeline over `http` with its metrics and log lines exposed. */
export function testUpstreamPipeline(
  http: HttpService,
  settings: Partial<Pick<GatewayConfig, 'upstreams' | 'resilience'>> = {},
): TestUpstreamPipeline {
  const config = { ...QUIET_POLICIES, ...settings } as GatewayConfig;
  const metrics = new GatewayMetrics();
  const logLines: Record<string, unknown>[] = [];
  const logger = { info: (fields: Record<string, unknown>) => logLines.push(fields) };
  const caller = new UpstreamPipeline(
    http,
    new UpstreamPolicies(config, metrics),
    metrics,
    logger as unknown as PinoLogger,
  );
  return { caller, metrics, logLines };
}

/** What a module under test needs besides its own imports: the metrics and a silent logger. */
export function upstreamInfrastructureForTests() {
  return [MetricsModule, LoggerModule.forRoot({ pinoHttp: { level: 'silent' } })];
}

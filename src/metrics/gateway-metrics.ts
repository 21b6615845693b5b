import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; from 1 ms (cached gateway answers) to 60 s (Rainbond's install timeout). */
const DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

export type CircuitStateName = 'closed' | 'half-open' | 'open';
const CIRCUIT_STATE_VALUE: Record<CircuitStateName, number> = {
  closed: 0,
  'half-open': 1,
  open: 2,
};

/**
 * Every metric the gateway exports, on a registry of its own (not prom-client's global one), so
 * two gateways in one process (tests) never share counters. Labels hold only bounded values:
 * route templates, provider and operation names, status codes, configured accounts.
 */
@Injectable()
export class GatewayMetrics {
  readonly registry = new Registry();

  private readonly requestDuration = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'Inbound requests by route template, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Upstream call attempts by provider, operation and outcome (HTTP status, timeout, network, bad-body)',
    labelNames: ['provider', 'operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly upstreamRetries = new Counter({
    name: 'gateway_upstream_retries_total',
    help: 'Upstream attempts repeated after a failure that is safe to retry',
    labelNames: ['provider', 'operation'] as const,
    registers: [this.registry],
  });

  private readonly iamTokens = new Counter({
    name: 'gateway_iam_token_fetches_total',
    help: 'IAM tokens fetched (a request waited) or refreshed (in the background), and failed refreshes',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
  });

  private readonly circuitState = new Gauge({
    name: 'gateway_circuit_state',
    help: 'Circuit breaker per upstream and upstream account: 0 closed, 1 half-open, 2 open',
    labelNames: ['provider', 'account'] as const,
    registers: [this.registry],
  });

  private readonly idempotencyReplays = new Counter({
    name: 'gateway_idempotency_replays_total',
    help: 'POSTs answered from a stored response for a repeated Idempotency-Key',
    registers: [this.registry],
  });

  private readonly rateLimited = new Counter({
    name: 'gateway_rate_limit_rejections_total',
    help: 'Requests refused with 429 by the per-caller rate limit',
    labelNames: ['caller'] as const,
    registers: [this.registry],
  });

  private readonly progressStreams = new Gauge({
    name: 'gateway_progress_streams_open',
    help: 'Server-Sent Events progress streams open on this instance',
    registers: [this.registry],
  });

  private readonly progressPollers = new Gauge({
    name: 'gateway_progress_pollers',
    help: 'Applications this instance polls for progress (with Redis: those it holds the lease of)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'gateway_' });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requestDuration.observe({ method, route, status: String(status) }, seconds);
  }

  observeUpstream(provider: string, operation: string, outcome: string, seconds: number): void {
    this.upstreamDuration.observe({ provider, operation, outcome }, seconds);
  }

  countUpstreamRetry(provider: string, operation: string): void {
    this.upstreamRetries.inc({ provider, operation });
  }

  countIamToken(kind: 'fetched' | 'refreshed', result: 'ok' | 'error'): void {
    this.iamTokens.inc({ kind, result });
  }

  setCircuitState(provider: string, account: string, state: CircuitStateName): void {
    this.circuitState.set({ provider, account }, CIRCUIT_STATE_VALUE[state]);
  }

  countIdempotencyReplay(): void {
    this.idempotencyReplays.inc();
  }

  countRateLimited(caller: string): void {
    this.rateLimited.inc({ caller });
  }

  changeProgressStreams(delta: 1 | -1): void {
    this.progressStreams.inc(delta);
  }

  changeProgressPollers(delta: 1 | -1): void {
    this.progressPollers.inc(delta);
  }
}

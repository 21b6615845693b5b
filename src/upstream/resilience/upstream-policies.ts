import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  BulkheadPolicy,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  bulkhead,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  isBulkheadRejectedError,
  retry,
  type RetryPolicy,
} from 'cockatiel';
import { ProblemError } from '../../common/problem';
import { UpstreamError, type UpstreamName } from '../upstream.error';
import { GatewayMetrics, type CircuitStateName } from '../../metrics/gateway-metrics';
import {
  UPSTREAM_PROFILES,
  type UpstreamProfile,
  type UpstreamProfiles,
} from '../upstream-profiles';

/** What the policies need to know about a call. */
export interface PolicyScope {
  provider: UpstreamName;
  /** Circuit scope: the upstream account the call acts as. */
  account: string;
  idempotent: boolean;
}

const STATE_NAME: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

/** The upstream is failing (not refusing the request): counts against its circuit. */
export function isUpstreamFault(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.kind !== 'response') return true;
  return (error.status ?? 0) >= 500;
}

interface UpstreamRules {
  bulkhead: BulkheadPolicy;
  retryIdempotent: RetryPolicy;
  retryNotSent: RetryPolicy;
}

interface Circuit {
  policy: CircuitBreakerPolicy;
  openedAt: number;
}

/**
 * Per upstream: a bound on calls in flight (and a bounded queue), so a hanging upstream holds at
 * most its own slots and never the others'. Per upstream and account: a circuit breaker, so one broken
 * account (one team's, usually) does not cut the others off. Per call: retries where a repeat cannot act twice.
 */
@Injectable()
export class UpstreamPolicies {
  private readonly perUpstream: ReadonlyMap<UpstreamName, UpstreamRules>;
  private readonly circuits = new Map<string, Circuit>();

  constructor(
    @Inject(UPSTREAM_PROFILES) private readonly profiles: UpstreamProfiles,
    private readonly metrics: GatewayMetrics,
  ) {
    const rulesOf = ({ bulkhead: slots, retry: rule }: UpstreamProfile): UpstreamRules => {
      const backoff = new ExponentialBackoff({
        initialDelay: rule.initialDelayMs,
        maxDelay: rule.maxDelayMs,
      });
      const maxAttempts = rule.maxRetries;
      return {
        bulkhead: bulkhead(slots.maxConcurrent, slots.maxQueued),
        retryIdempotent: retry(
          handleWhen((error) => isNotSent(error) || isUpstreamFault(error)),
          { maxAttempts, backoff },
        ),
        retryNotSent: retry(handleWhen(isNotSent), { maxAttempts, backoff }),
      };
    };
    this.perUpstream = new Map(
      Object.values(profiles).map((profile) => [profile.name, rulesOf(profile)]),
    );
  }

  /**
   * Runs `attempt` (given its 0-based attempt number) under the policies of `call`, in this order:
   * bulkhead → circuit breaker → retry. An open circuit or a full queue is a 503 problem with
   * Retry-After: nothing was sent upstream.
   */
  async execute<T>(call: PolicyScope, attempt: (attempt: number) => Promise<T>): Promise<T> {
    const rules = this.perUpstream.get(call.provider);
    if (!rules) throw new Error(`no profile for upstream ${call.provider}`);
    const circuit = this.circuitFor(call);
    const retrying = call.idempotent ? rules.retryIdempotent : rules.retryNotSent;
    try {
      return await rules.bulkhead.execute(() =>
        circuit.policy.execute(() => retrying.execute((context) => attempt(context.attempt))),
      );
    } catch (error) {
      if (isBrokenCircuitError(error)) throw this.circuitOpen(call, circuit);
      if (isBulkheadRejectedError(error)) throw busy(call.provider);
      throw error;
    }
  }

  private circuitFor({ provider, account }: PolicyScope): Circuit {
    const key = `${provider}\u0000${account}`;
    let circuit = this.circuits.get(key);
    if (!circuit) {
      const { consecutiveFailures, halfOpenAfterMs } = this.profiles[provider].breaker;
      const policy = circuitBreaker(handleWhen(isUpstreamFault), {
        halfOpenAfter: halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(consecutiveFailures),
      });
      const created: Circuit = { policy, openedAt: 0 };
      policy.onBreak(() => (created.openedAt = Date.now()));
      policy.onStateChange((state) =>
        this.metrics.setCircuitState(provider, account, STATE_NAME[state]),
      );
      this.metrics.setCircuitState(provider, account, 'closed');
      this.circuits.set(key, created);
      circuit = created;
    }
    return circuit;
  }

  private circuitOpen(call: PolicyScope, circuit: Circuit): ProblemError {
    const reopensInMs =
      circuit.openedAt + this.profiles[call.provider].breaker.halfOpenAfterMs - Date.now();
    return new ProblemError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'upstream-circuit-open',
      'Upstream circuit open',
      `${call.provider} failed repeatedly; the gateway stops calling it for a while.`,
      {
        upstream: { provider: call.provider },
        headers: { 'retry-after': String(Math.max(1, Math.ceil(reopensInMs / 1000))) },
      },
    );
  }
}

function isNotSent(error: unknown): boolean {
  return error instanceof UpstreamError && error.details.notSent === true;
}

function busy(provider: UpstreamName): ProblemError {
  return new ProblemError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'upstream-busy',
    'Upstream busy',
    `Too many calls to ${provider} are waiting; retry shortly.`,
    { upstream: { provider }, headers: { 'retry-after': '1' } },
  );
}

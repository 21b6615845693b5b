import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import { longestUpstreamTimeoutMs, type GatewayConfig } from '../config/gateway-config.schema';
import { keyInFlight, keyReused } from './idempotency.problems';
import type { IdempotencyStore, InFlightRecord, StoredResponse } from './idempotency.store';
import { IdempotencyStores } from './idempotency-stores';
import { keepsOutcome } from './stored-outcome';

/** What a request with an Idempotency-Key gets: to run (then `settle` its outcome), or a replay. */
export type Admission =
  | { kind: 'run'; settle: (outcome: StoredResponse) => Promise<void> }
  | { kind: 'replay'; response: StoredResponse };

/** Idempotency-Key semantics (draft-ietf-httpapi-idempotency-key-header), apart from HTTP. */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);
  private readonly leaseMs: number;
  private readonly ttlMs: number;

  constructor(
    private readonly stores: IdempotencyStores,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Optional() private readonly metrics?: GatewayMetrics,
  ) {
    const { leaseSeconds, ttlSeconds } = config.idempotency;
    // One request can make two upstream calls in a row (copy reads the app, then copies; a 401 is
    // retried once), so by default the lease outlives two of the longest.
    this.leaseMs =
      leaseSeconds !== undefined
        ? leaseSeconds * 1000
        : 2 * longestUpstreamTimeoutMs(config.upstreams) + 10_000;
    this.ttlMs = ttlSeconds * 1000;
  }

  /**
   * The one place where a request is let through, replayed or refused: 422 for a key used by another
   * request (fingerprint), 409 while the first request with the key is still running.
   */
  async admit(scope: string, key: string, fingerprint: string): Promise<Admission> {
    const scopedKey = `${scope}:${key}`;
    const marker: InFlightRecord = { state: 'in-flight', fingerprint, owner: randomUUID() };
    const { store, existing } = await this.stores.claim(scopedKey, marker, this.leaseMs);
    if (!existing) {
      return { kind: 'run', settle: (outcome) => this.settle(store, scopedKey, marker, outcome) };
    }
    if (existing.fingerprint !== fingerprint) throw keyReused();
    if (existing.state === 'in-flight') throw keyInFlight();
    this.metrics?.countIdempotencyReplay();
    return { kind: 'replay', response: existing.response };
  }

  private async settle(
    store: IdempotencyStore,
    key: string,
    marker: InFlightRecord,
    outcome: StoredResponse,
  ): Promise<void> {
    try {
      if (keepsOutcome(outcome)) await store.complete(key, marker, outcome, this.ttlMs);
      else await store.release(key, marker);
    } catch (error) {
      this.logger.warn(
        `could not record the outcome of a request with an Idempotency-Key (${(error as Error).message}): retries get 409 until its lease ends`,
      );
    }
  }
}

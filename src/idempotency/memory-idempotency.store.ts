import { LRUCache } from 'lru-cache';
import type {
  IdempotencyRecord,
  IdempotencyStore,
  InFlightRecord,
  StoredResponse,
} from './idempotency.store';

/**
 * Records of one gateway instance, in memory: at most `maxKeys`, the least recently used dropped
 * first, each gone when its TTL runs out. Every method runs without awaiting, hence atomically.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records: LRUCache<string, IdempotencyRecord>;

  constructor(maxKeys: number) {
    // The clock is looked up at each call (lru-cache keeps the one present at import): tests fake it.
    this.records = new LRUCache({ max: maxKeys, perf: { now: () => performance.now() } });
  }

  claim(
    key: string,
    marker: InFlightRecord,
    leaseMs: number,
  ): Promise<IdempotencyRecord | undefined> {
    const existing = this.records.get(key);
    if (!existing) this.records.set(key, marker, { ttl: leaseMs });
    return Promise.resolve(existing);
  }

  complete(
    key: string,
    marker: InFlightRecord,
    response: StoredResponse,
    ttlMs: number,
  ): Promise<void> {
    if (this.holds(key, marker)) {
      this.records.set(
        key,
        { state: 'completed', fingerprint: marker.fingerprint, response },
        { ttl: ttlMs },
      );
    }
    return Promise.resolve();
  }

  release(key: string, marker: InFlightRecord): Promise<void> {
    if (this.holds(key, marker)) this.records.delete(key);
    return Promise.resolve();
  }

  private holds(key: string, marker: InFlightRecord): boolean {
    const current = this.records.get(key);
    return current?.state === 'in-flight' && current.owner === marker.owner;
  }
}

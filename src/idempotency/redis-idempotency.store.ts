import type Redis from 'ioredis';
import type {
  IdempotencyRecord,
  IdempotencyStore,
  InFlightRecord,
  StoredResponse,
} from './idempotency.store';

const NAMESPACE = 'idem:';

/** Replaces or removes a value only if it is still exactly the marker this instance wrote. */
const REPLACE_IF_HELD = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return nil`;
const DELETE_IF_HELD = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * Records shared by every instance using the same Redis (and key prefix). A claim is one
 * `SET NX PX`; completing or releasing compares the marker and writes in one script. Errors (Redis
 * down, command timeout) are thrown for the caller to fall back.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(private readonly client: Redis) {}

  async claim(
    key: string,
    marker: InFlightRecord,
    leaseMs: number,
  ): Promise<IdempotencyRecord | undefined> {
    const value = JSON.stringify(marker);
    // The record found can expire before it is read; then the claim is tried again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if ((await this.client.set(NAMESPACE + key, value, 'PX', leaseMs, 'NX')) === 'OK') {
        return undefined;
      }
      const existing = await this.client.get(NAMESPACE + key);
      if (existing !== null) return JSON.parse(existing) as IdempotencyRecord;
    }
    throw new Error(`idempotency key kept vanishing while it was claimed`);
  }

  async complete(
    key: string,
    marker: InFlightRecord,
    response: StoredResponse,
    ttlMs: number,
  ): Promise<void> {
    const record: IdempotencyRecord = {
      state: 'completed',
      fingerprint: marker.fingerprint,
      response,
    };
    await this.client.eval(
      REPLACE_IF_HELD,
      1,
      NAMESPACE + key,
      JSON.stringify(marker),
      JSON.stringify(record),
      ttlMs,
    );
  }

  async release(key: string, marker: InFlightRecord): Promise<void> {
    await this.client.eval(DELETE_IF_HELD, 1, NAMESPACE + key, JSON.stringify(marker));
  }
}

import { randomUUID } from 'node:crypto';
import type { IdempotencyStore, InFlightRecord, StoredResponse } from './idempotency.store';

export interface StoreUnderTest {
  store: IdempotencyStore;
  /** Lets this much time pass for the store's expiry (fake timers, or real waiting). */
  elapse(ms: number): Promise<void>;
}

const LEASE_MS = 200;
const TTL_MS = 400;
const RESPONSE: StoredResponse = {
  status: 201,
  headers: { location: '/v1/things/1' },
  body: { id: 'app-center:1', nested: { list: [1, 'two'] } },
};

export function inFlight(fingerprint = 'fp-1'): InFlightRecord {
  return { state: 'in-flight', fingerprint, owner: randomUUID() };
}

/** The behaviour every IdempotencyStore must show; run by each store's spec. */
export function describeIdempotencyStoreContract(setUp: () => Promise<StoreUnderTest>): void {
  let subject: StoreUnderTest;
  let key: string;
  beforeEach(async () => {
    subject = await setUp();
    key = `caller:${randomUUID()}`;
  });

  it('lets the first request claim a key and shows later ones its in-flight marker', async () => {
    const marker = inFlight();
    expect(await subject.store.claim(key, marker, LEASE_MS)).toBeUndefined();
    expect(await subject.store.claim(key, inFlight(), LEASE_MS)).toEqual(marker);
  });

  it('keeps keys apart', async () => {
    await subject.store.claim(key, inFlight(), LEASE_MS);
    expect(await subject.store.claim(`${key}-other`, inFlight(), LEASE_MS)).toBeUndefined();
  });

  it('answers the completed response, with the fingerprint of the request that made it', async () => {
    const marker = inFlight('fp-done');
    await subject.store.claim(key, marker, LEASE_MS);
    await subject.store.complete(key, marker, RESPONSE, TTL_MS);
    expect(await subject.store.claim(key, inFlight(), LEASE_MS)).toEqual({
      state: 'completed',
      fingerprint: 'fp-done',
      response: RESPONSE,
    });
  });

  it('frees a released key for the next claim', async () => {
    const marker = inFlight();
    await subject.store.claim(key, marker, LEASE_MS);
    await subject.store.release(key, marker);
    expect(await subject.store.claim(key, inFlight(), LEASE_MS)).toBeUndefined();
  });

  it('frees the key when the lease of an abandoned marker runs out', async () => {
    await subject.store.claim(key, inFlight(), LEASE_MS);
    await subject.elapse(LEASE_MS + 50);
    expect(await subject.store.claim(key, inFlight(), LEASE_MS)).toBeUndefined();
  });

  it('keeps a completed response for its TTL, not just for the lease, then forgets it', async () => {
    const marker = inFlight();
    await subject.store.claim(key, marker, LEASE_MS);
    await subject.store.complete(key, marker, RESPONSE, TTL_MS);
    await subject.elapse(LEASE_MS + 50);
    expect(await subject.store.claim(key, inFlight(), LEASE_MS)).toMatchObject({
      state: 'completed',
    });
    await subject.elapse(TTL_MS - LEASE_MS);
    expect(await subject.store.claim(key, inFlight(), LEASE_MS)).toBeUndefined();
  });

  it('ignores completion and release by a request whose lease ran out and was claimed again', async () => {
    const stale = inFlight();
    await subject.store.claim(key, stale, LEASE_MS);
    await subject.elapse(LEASE_MS + 50);
    const current = inFlight();
    await subject.store.claim(key, current, LEASE_MS);

    await subject.store.complete(key, stale, RESPONSE, TTL_MS);
    await subject.store.release(key, stale);
    expect(await subject.store.claim(key, inFlight(), LEASE_MS)).toEqual(current);
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => subject.store.claim(key, inFlight(), LEASE_MS)),
    );
    expect(results.filter((result) => result === undefined)).toHaveLength(1);
  });
}

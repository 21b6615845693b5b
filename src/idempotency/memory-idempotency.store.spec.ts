import { describeIdempotencyStoreContract, inFlight } from './idempotency-store.test-helpers';
import { MemoryIdempotencyStore } from './memory-idempotency.store';

describe('MemoryIdempotencyStore', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    // The fake performance.now() starts at 0, which lru-cache reads as "no start time, no TTL".
    jest.advanceTimersByTime(1_000);
  });
  afterEach(() => jest.useRealTimers());

  describeIdempotencyStoreContract(() =>
    Promise.resolve({
      store: new MemoryIdempotencyStore(100),
      elapse: (ms) => {
        jest.advanceTimersByTime(ms);
        return Promise.resolve();
      },
    }),
  );

  it('holds at most maxKeys keys, dropping the least recently used', async () => {
    const store = new MemoryIdempotencyStore(2);
    await store.claim('a', inFlight(), 60_000);
    await store.claim('b', inFlight(), 60_000);
    await store.claim('a', inFlight(), 60_000); // a is now the most recently used
    await store.claim('c', inFlight(), 60_000);
    expect(await store.claim('a', inFlight(), 60_000)).toBeDefined();
    expect(await store.claim('b', inFlight(), 60_000)).toBeUndefined();
  });
});

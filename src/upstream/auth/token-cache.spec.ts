import { UpstreamError } from '../upstream.error';
import type { IamToken } from './iam.client';
import { TokenCache, type TokenEvent } from './token-cache';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const HOUR = 3600_000;
const MINUTE = 60_000;
const POLICY = { expiryMarginMs: 15 * MINUTE, refreshAheadMs: 10 * MINUTE, refreshRetryMs: MINUTE };
const SCOPE = 'scope-a';

/** A fetcher whose calls stay pending until the test settles them. */
function manualFetcher(now: () => number) {
  const pending: { resolve: (token: IamToken) => void; reject: (error: unknown) => void }[] = [];
  let issued = 0;
  const fetch = jest.fn(
    () => new Promise<IamToken>((resolve, reject) => pending.push({ resolve, reject })),
  );
  return {
    fetch,
    /** Answers the oldest pending fetch with a new 24 h token. */
    answer: async () => {
      pending
        .shift()!
        .resolve({ token: `token-${++issued}`, expiresAt: new Date(now() + 24 * HOUR) });
      await flush();
    },
    fail: async (error: unknown) => {
      pending.shift()!.reject(error);
      await flush();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
  let now = T0;
  const events: TokenEvent[] = [];
  const cache = new TokenCache(
    POLICY,
    () => now,
    (event) => events.push(event),
  );
  const fetcher = manualFetcher(() => now);
  return {
    cache,
    events,
    ...fetcher,
    get: () => cache.get(SCOPE, fetcher.fetch),
    advanceTo: (ms: number) => {
      now = T0 + ms;
    },
  };
}

describe('TokenCache', () => {
  it('makes exactly one fetch for 1000 concurrent requests on a cold cache', async () => {
    const { get, fetch, answer } = setup();
    const all = Promise.all(Array.from({ length: 1000 }, get));
    await answer();
    expect(new Set(await all)).toEqual(new Set(['token-1']));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refreshes once in the background ahead of expiry while every request keeps the old token', async () => {
    const { get, fetch, answer, advanceTo, events } = setup();
    const first = get();
    await answer();
    await first;
    // usable until 24 h - 15 min; refresh from 10 min before that
    advanceTo(24 * HOUR - 25 * MINUTE);
    const during = await Promise.all(Array.from({ length: 100 }, get));
    expect(new Set(during)).toEqual(new Set(['token-1']));
    expect(fetch).toHaveBeenCalledTimes(2);

    await answer();
    await expect(get()).resolves.toBe('token-2');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(events).toEqual([
      { type: 'fetched', scope: SCOPE, background: false },
      { type: 'fetched', scope: SCOPE, background: true },
    ]);
  });

  it('does not refresh before the refresh window', async () => {
    const { get, fetch, answer, advanceTo } = setup();
    const first = get();
    await answer();
    await first;
    advanceTo(24 * HOUR - 25 * MINUTE - 1);
    await get();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps serving the old token when a background refresh fails, and tries again later', async () => {
    const { get, fetch, answer, fail, advanceTo, events } = setup();
    const first = get();
    await answer();
    await first;
    advanceTo(24 * HOUR - 20 * MINUTE);
    await get();
    await fail(new UpstreamError('iam', 'timeout', 'iam did not answer in time'));
    expect(events.at(-1)).toMatchObject({ type: 'failed', background: true, scope: SCOPE });

    await expect(get()).resolves.toBe('token-1');
    expect(fetch).toHaveBeenCalledTimes(2);
    advanceTo(24 * HOUR - 20 * MINUTE + POLICY.refreshRetryMs);
    await expect(get()).resolves.toBe('token-1');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('makes requests wait for one new token once the old one is past its margin', async () => {
    const { get, fetch, answer, advanceTo } = setup();
    const first = get();
    await answer();
    await first;
    advanceTo(24 * HOUR - 15 * MINUTE);
    const waiting = Promise.all(Array.from({ length: 50 }, get));
    await answer();
    expect(new Set(await waiting)).toEqual(new Set(['token-2']));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('uses a short-lived token for half its life rather than never', async () => {
    let now = T0;
    const cache = new TokenCache(POLICY, () => now);
    const fetch = jest.fn((): Promise<IamToken> =>
      Promise.resolve({
        token: `t${fetch.mock.calls.length}`,
        expiresAt: new Date(now + 10 * MINUTE),
      }),
    );
    await cache.get(SCOPE, fetch);
    now += 5 * MINUTE - 1;
    await cache.get(SCOPE, fetch);
    expect(fetch).toHaveBeenCalledTimes(2); // the second call was a background refresh
    await flush();
    now += 1;
    await expect(cache.get(SCOPE, fetch)).resolves.toBe('t2');
  });

  it('does not cache a failed fetch: every waiter sees the failure and the next call tries again', async () => {
    const { get, fetch, answer, fail, events } = setup();
    const results = Promise.allSettled([get(), get()]);
    await fail(new UpstreamError('iam', 'timeout', 'iam did not answer in time'));
    expect((await results).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(events).toEqual([expect.objectContaining({ type: 'failed', background: false })]);
    const next = get();
    await answer();
    await expect(next).resolves.toBe('token-1');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('refetches once when two requests report the same rejected token', async () => {
    const { cache, get, fetch, answer } = setup();
    const first = get();
    await answer();
    const rejected = await first;
    cache.invalidate(SCOPE, rejected);
    const second = get();
    await answer();
    const fresh = await second;
    cache.invalidate(SCOPE, rejected); // a late second 401 for the old token keeps the new one
    await expect(get()).resolves.toBe(fresh);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps scopes apart', async () => {
    const { cache, fetch, answer } = setup();
    const a = cache.get('a', fetch);
    const b = cache.get('b', fetch);
    await answer();
    await answer();
    expect(await a).not.toBe(await b);
    cache.invalidate('b', await b);
    await expect(cache.get('a', fetch)).resolves.toBe(await a);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

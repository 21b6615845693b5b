import { ReadCache } from './read-cache';

function setup(ttlMs = 1_000, maxEntries = 100) {
  let now = 0;
  const cache = new ReadCache(ttlMs, maxEntries, () => now);
  let loads = 0;
  const load = (value = 'v') => {
    loads += 1;
    return Promise.resolve(`${value}-${loads}`);
  };
  return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
}

describe('ReadCache', () => {
  it('reuses an answer until it expires', async () => {
    const { cache, load, advance } = setup();
    expect(await cache.get('acme', 'k', () => load())).toBe('v-1');
    advance(999);
    expect(await cache.get('acme', 'k', () => load())).toBe('v-1');
    advance(1);
    expect(await cache.get('acme', 'k', () => load())).toBe('v-2');
  });

  it('shares one load between concurrent identical reads', async () => {
    const { cache, load, loads } = setup();
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('acme', 'k', () => load())));
    expect(answers).toEqual(['v-1', 'v-1', 'v-1']);
    expect(loads()).toBe(1);
  });

  it('keeps teams apart and drops only the written team', async () => {
    const { cache, load } = setup();
    await cache.get('acme', 'k', () => load('a'));
    await cache.get('globex', 'k', () => load('g'));
    cache.invalidateTeam('acme');
    expect(await cache.get('acme', 'k', () => load('a'))).toBe('a-3');
    expect(await cache.get('globex', 'k', () => load('g'))).toBe('g-2');
  });

  it('does not keep failures or answers `keep` refuses', async () => {
    const { cache, load, loads } = setup();
    await expect(cache.get('acme', 'k', () => Promise.reject(new Error('down')))).rejects.toThrow();
    await cache.get(
      'acme',
      'k',
      () => load(),
      () => false,
    );
    await cache.get('acme', 'k', () => load());
    expect(loads()).toBe(2);
  });

  it('does not cache with a zero TTL but still coalesces', async () => {
    const { cache, load, loads } = setup(0);
    await Promise.all([cache.get('acme', 'k', () => load()), cache.get('acme', 'k', () => load())]);
    await cache.get('acme', 'k', () => load());
    expect(loads()).toBe(2);
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const { cache, load, loads } = setup(1_000, 2);
    for (const key of ['a', 'b', 'c']) await cache.get('acme', key, () => load());
    await cache.get('acme', 'c', () => load());
    await cache.get('acme', 'a', () => load());
    expect(loads()).toBe(4);
  });
});

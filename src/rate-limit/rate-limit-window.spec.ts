import { MemoryRateLimitWindow } from './rate-limit-window';

describe('MemoryRateLimitWindow', () => {
  const windowMs = 60_000;
  const start = 1_000 * windowMs;

  it('counts each principal on its own within a window and says when the window ends', () => {
    const window = new MemoryRateLimitWindow(windowMs);
    expect(window.hit('caller:a', start)).toEqual({ count: 1, resetMs: windowMs });
    expect(window.hit('caller:a', start + 10_000)).toEqual({ count: 2, resetMs: 50_000 });
    expect(window.hit('caller:b', start + 59_999)).toEqual({ count: 1, resetMs: 1 });
  });

  it('starts every count again when the next window begins', () => {
    const window = new MemoryRateLimitWindow(windowMs);
    window.hit('caller:a', start);
    window.hit('caller:a', start + 1);
    expect(window.hit('caller:a', start + windowMs)).toEqual({ count: 1, resetMs: windowMs });
  });

  it('keeps one number per principal, not one entry per request', () => {
    // 100k hits in one hour-long window: a timestamp log filtered on every hit would need ~5e9
    // steps (minutes); a counter needs 100k. The bound is far from either on any machine.
    const window = new MemoryRateLimitWindow(3_600_000);
    const began = Date.now();
    for (let i = 0; i < 100_000; i++) window.hit('caller:a', start);
    expect(window.hit('caller:a', start).count).toBe(100_001);
    expect(Date.now() - began).toBeLessThan(3_000);
  });
});

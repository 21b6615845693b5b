import { randomHex } from './random-hex';

describe('randomHex', () => {
  it('gives lowercase hex of the asked length', () => {
    expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/);
    expect(randomHex(8)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('never repeats an id across pool refills', () => {
    // 4 KB pool: 2,000 ids of 16 bytes refill it seven times.
    const ids = Array.from({ length: 2_000 }, () => randomHex(16));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** One principal's requests in the current window, and when that window ends. */
export interface WindowCount {
  count: number;
  resetMs: number;
}

/**
 * Fixed-window counters in this instance's memory, windows aligned to the clock: one number per
 * principal that asked in the current window, and the whole map is dropped when the next window
 * begins. O(1) time per request and O(1) memory per principal, whatever the window length (a
 * sliding log keeps one timestamp per request and filters it on every request).
 */
export class MemoryRateLimitWindow {
  private windowIndex = -1;
  private counts = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  hit(principal: string, now = Date.now()): WindowCount {
    const index = Math.floor(now / this.windowMs);
    if (index !== this.windowIndex) {
      this.windowIndex = index;
      this.counts = new Map();
    }
    const count = (this.counts.get(principal) ?? 0) + 1;
    this.counts.set(principal, count);
    return { count, resetMs: (index + 1) * this.windowMs - now };
  }
}

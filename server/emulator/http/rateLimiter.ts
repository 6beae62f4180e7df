/**
 * A fixed hourly window per key (a user, or an IP address for unauthenticated requests),
 * like Outreach's per-user limit. In memory: the emulator is one process, and a restart
 * resetting the counters is harmless.
 */
export type RateLimitState = {
  limit: number;
  remaining: number;
  /** Epoch seconds at which the window resets. */
  resetAt: number;
  allowed: boolean;
  retryAfterSeconds: number;
};

/** Fixed windows of one hour, aligned to the hour (epoch-based). */
export const RATE_LIMIT_WINDOW_MS = 60 * 60 * 1000;

export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number) {}

  hit(key: string, now: number): RateLimitState {
    const start = Math.floor(now / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size > 10_000) this.forgetOldWindows(start);
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const end = start + RATE_LIMIT_WINDOW_MS;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetAt: Math.ceil(end / 1000),
      allowed: window.count <= this.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((end - now) / 1000)),
    };
  }

  private forgetOldWindows(currentStart: number): void {
    for (const [key, window] of this.windows) {
      if (window.start !== currentStart) this.windows.delete(key);
    }
  }
}

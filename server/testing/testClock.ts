// A clock that stands still until a test moves it, for expiry, refresh and rate-limit windows.
import type { Clock } from '../clock';

export interface TestClock extends Clock {
  /** Moves time forward by `ms` milliseconds. */
  readonly advance: (ms: number) => void;
  /** Moves time to `epochMs` (forward only: servers never see time run backwards). */
  readonly set: (epochMs: number) => void;
}

/** Starts at `startMs` (by default the real time at creation) and moves only when told. */
export function createTestClock(startMs: number = Date.now()): TestClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      if (ms < 0) throw new Error(`a test clock only moves forward (advance(${ms}))`);
      current += ms;
    },
    set(epochMs) {
      if (epochMs < current) throw new Error('a test clock only moves forward');
      current = epochMs;
    },
  };
}

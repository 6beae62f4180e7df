// Time as a dependency: the emulator and the app server read "now" from a clock passed in their
// options, so tests can move time (server/testing/testClock.ts) instead of sleeping.

/** Gives the current time in epoch milliseconds. */
export interface Clock {
  readonly now: () => number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The real time plus however far it has been moved: a server whose tests may move its time. */
export interface MovableClock extends Clock {
  /** Moves time forward by `ms` milliseconds, for good. */
  readonly advance: (ms: number) => void;
}

export function movableClock(): MovableClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`a clock only moves forward (advance(${ms}))`);
      offsetMs += ms;
    },
  };
}

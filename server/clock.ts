// Time as a dependency: the emulator and the app server read "now" from a clock passed in their
// options, so tests can move time (server/testing/testClock.ts) instead of sleeping.

/** Gives the current time in epoch milliseconds. */
export interface Clock {
  readonly now: () => number;
}

export const systemClock: Clock = { now: () => Date.now() };

// Waiting on a condition instead of sleeping a fixed while: for child processes and real
// sockets, whose clock a test cannot move (in-process servers take a test clock instead).
import { setTimeout as pause } from 'node:timers/promises';

export interface WaitOptions {
  /** What is awaited, for the error when it never happens. */
  what: string;
  /** How many times to check before giving up. */
  tries?: number;
  /** The pause between two checks. */
  intervalMs?: number;
}

/**
 * Checks `condition` until it returns something other than undefined and returns that, or
 * throws after `tries` checks. Stops as soon as the condition holds: no fixed wait.
 */
export async function waitUntil<T>(
  condition: () => Promise<T | undefined> | T | undefined,
  { what, tries = 50, intervalMs = 100 }: WaitOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const result = await condition();
    if (result !== undefined) return result;
    if (attempt >= tries) throw new Error(`${what}: not after ${tries} tries`);
    await pause(intervalMs);
  }
}

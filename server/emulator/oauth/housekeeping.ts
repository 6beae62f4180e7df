// The OAuth tables stay bounded: every sign-in adds a grant and a code, every refresh a token.
// Dead rows go at start and then at least once a minute by the emulator's clock: checked on each
// OAuth request (so a test moves its clock instead of waiting) and by a timer while it is idle.
import type { Clock } from '../../clock';
import type { Repositories } from '../repositories';

export const HOUSEKEEPING_EVERY_MS = 60_000;

export type OAuthHousekeeping = {
  /** Deletes dead rows when a minute has passed since the last run (or on the first call). */
  runIfDue(): void;
  stop(): void;
};

export function startOAuthHousekeeping(repos: Repositories, clock: Clock): OAuthHousekeeping {
  let lastRun: number | undefined;
  const runIfDue = () => {
    const now = clock.now();
    if (lastRun !== undefined && now - lastRun < HOUSEKEEPING_EVERY_MS) return;
    lastRun = now;
    // A minute's grace: a client just past an expiry still hears "expired", not "unknown".
    repos.transaction(() => repos.oauth.deleteDeadRows(now - HOUSEKEEPING_EVERY_MS));
  };
  runIfDue();
  const timer = setInterval(runIfDue, HOUSEKEEPING_EVERY_MS);
  timer.unref();
  return { runIfDue, stop: () => clearInterval(timer) };
}

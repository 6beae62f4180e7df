// The history keeps a change for HISTORY_RETENTION_DAYS after its last entry. Older changes go at
// start and then once a day by the app server's clock: checked whenever a write is recorded (so a
// test moves its clock instead of waiting) and by an hourly timer while nobody writes.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../clock';
import type { HistoryStore } from './store';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface HistoryRetention {
  /** Deletes what is past retention when a day has passed since the last run. */
  runIfDue(): Promise<void>;
  stop(): void;
}

export function startHistoryRetention(
  store: HistoryStore,
  { clock, days, log }: { clock: Clock; days: number; log: FastifyBaseLogger },
): HistoryRetention {
  let lastRun: number | undefined;
  const runIfDue = async () => {
    const now = clock.now();
    if (lastRun !== undefined && now - lastRun < DAY_MS) return;
    lastRun = now;
    try {
      const deleted = await store.deleteOlderThan(now - days * DAY_MS);
      if (deleted > 0) log.info({ deleted, days }, 'history past retention deleted');
    } catch (error) {
      // The next run tries again; the history only grows a little meanwhile.
      lastRun = undefined;
      log.warn({ reason: (error as Error).message }, 'history retention failed');
    }
  };
  void runIfDue();
  const timer = setInterval(() => void runIfDue(), 60 * 60 * 1000);
  timer.unref();
  return { runIfDue, stop: () => clearInterval(timer) };
}

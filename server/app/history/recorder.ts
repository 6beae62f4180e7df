// Records the call-purpose writes Outreach accepted through /api/v2 (create, rename or move,
// delete) as history entries: who (the session's user), when (the server's clock), the purpose,
// and its values before (read from Outreach just before the write) and after (Outreach's answer).
// A refused or failed write records nothing; an entry that cannot be stored never fails the
// user's write: it is logged and counted on /readyz.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { CHANGE_ID_HEADER, isChangeId } from '../../../shared/changeId';
import type { SessionUser } from '../sessions/store';
import type { HistoryAction, HistoryStore, PurposeValues } from './store';

export type PurposeWrite = { action: HistoryAction; purposeId: number | undefined };

/** Which call-purpose write a proxied request is (`path` below /api/v2, no query), if any. */
export function purposeWriteOf(method: string, path: string): PurposeWrite | undefined {
  if (method === 'POST' && path === '/callPurposes') {
    return { action: 'created', purposeId: undefined };
  }
  const one = /^\/callPurposes\/(\d{1,10})$/.exec(path);
  if (one === null) return undefined;
  const purposeId = Number(one[1]);
  if (method === 'PATCH') return { action: 'updated', purposeId };
  if (method === 'DELETE') return { action: 'deleted', purposeId };
  return undefined;
}

/** The request's change id: its valid header, a new one without it, undefined for anything else. */
export function changeIdOf(request: FastifyRequest): string | undefined {
  const header = request.headers[CHANGE_ID_HEADER.toLowerCase()];
  if (header === undefined) return randomUUID();
  return typeof header === 'string' && isChangeId(header) ? header.toLowerCase() : undefined;
}

/** A call purpose's id, name and order from a JSON:API document, when it holds one. */
export function purposeInDocument(
  document: unknown,
): { id: number; values: PurposeValues } | undefined {
  const data = (document as { data?: unknown } | null)?.data as
    { id?: unknown; attributes?: { name?: unknown; order?: unknown } } | undefined;
  const id = Number(data?.id);
  const name = data?.attributes?.name;
  const order = data?.attributes?.order;
  if (!Number.isInteger(id) || typeof name !== 'string' || typeof order !== 'number') {
    return undefined;
  }
  return { id, values: { name, order } };
}

export interface HistoryRecorder {
  /**
   * Records one accepted write. `before` is the purpose as Outreach had it (undefined for a
   * create), `answer` Outreach's document (none for a delete).
   */
  record(details: {
    changeId: string;
    user: SessionUser;
    write: PurposeWrite;
    before: PurposeValues | undefined;
    answer: unknown;
  }): Promise<void>;
  /** Entries that could not be stored since the server started. */
  failures(): number;
}

export function historyRecorder(
  store: HistoryStore,
  { now, log, onWrite }: { now: () => number; log: FastifyBaseLogger; onWrite?: () => void },
): HistoryRecorder {
  let failures = 0;
  return {
    failures: () => failures,
    async record({ changeId, user, write, before, answer }) {
      onWrite?.();
      const after = write.action === 'deleted' ? undefined : purposeInDocument(answer);
      const purposeId = write.purposeId ?? after?.id;
      try {
        if (purposeId === undefined || (before === undefined && after === undefined)) {
          throw new Error('neither the values before nor after the write are known');
        }
        await store.record({
          changeId,
          at: now(),
          user: { id: String(user.id ?? ''), name: user.name, email: user.email },
          action: write.action,
          purposeId,
          before: before ?? null,
          after: after?.values ?? null,
        });
      } catch (error) {
        failures += 1;
        log.error(
          { reason: (error as Error).message, action: write.action, purposeId, changeId },
          'history entry not recorded',
        );
      }
    },
  };
}

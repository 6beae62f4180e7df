import { hashKey, type QueryClient } from '@tanstack/react-query';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import type { CallPurpose } from '../types';
import { compareSnapshots, hasChanges, type ListChanges } from './listChanges';

export type ListChangeTracker = {
  subscribe(listener: (changes: ListChanges) => void): () => void;
  dispose(): void;
};

/**
 * Watches the cached list and reports what others changed between two fetched answers. The
 * user's own writes are not news: cache writes by hand outside a fetch (optimistic updates) and answers that
 * arrive while `ownWritesInFlight()` (a mutation or a reorder is saving) move the baseline
 * without a report.
 */
export function createListChangeTracker({
  queryClient,
  ownWritesInFlight,
}: {
  queryClient: QueryClient;
  ownWritesInFlight: () => boolean;
}): ListChangeTracker {
  const listKey = callPurposesQueryOptions().queryKey;
  const listHash = hashKey(listKey);
  const listeners = new Set<(changes: ListChanges) => void>();
  let baseline: readonly CallPurpose[] | undefined = queryClient.getQueryData(listKey);

  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (event.query.queryHash !== listHash) return;
    const next = event.query.state.data as readonly CallPurpose[] | undefined;
    const previous = baseline;
    baseline = next;
    // A write by hand is the user's own (an optimistic update), unless a fetch is writing its
    // answer (the list's query streams its pages into the cache).
    const ownUpdate = event.action.manual && event.query.state.fetchStatus !== 'fetching';
    if (!previous || !next || ownUpdate || ownWritesInFlight()) return;
    const changes = compareSnapshots(previous, next);
    if (hasChanges(changes)) listeners.forEach((listener) => listener(changes));
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      listeners.clear();
    },
  };
}

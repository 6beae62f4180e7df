import { useIsMutating, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import { createListChangeTracker } from './listChangeTracker';
import { describeChanges } from './listChanges';

export type ChangeKind = 'added' | 'changed';

/** How often a visible list asks the server for others' changes. */
export const LIVE_REFRESH_INTERVAL_MS = 20_000;
/** Long enough to notice a row light up, short enough that the list is calm again soon after. */
const HIGHLIGHT_MS = 4000;

/**
 * The list, kept current while the page is visible (every 20 s, and on coming back to the page
 * or the network), and what others changed: rows to highlight for a moment and a sentence for a
 * polite live region. No refresh while the user's own writes are in flight (a refetch would show
 * them half-saved) or while `held` (a row is being dragged: rows must not move under the user).
 */
export function useLiveCallPurposes(held: boolean) {
  const queryClient = useQueryClient();
  const paused = useIsMutating() > 0 || held;
  const list = useQuery({
    ...callPurposesQueryOptions(),
    refetchInterval: paused ? false : LIVE_REFRESH_INTERVAL_MS,
    refetchOnWindowFocus: paused ? false : 'always',
    refetchOnReconnect: paused ? false : 'always',
  });
  const [changes, setChanges] = useState<ReadonlyMap<number, ChangeKind>>(() => new Map());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const ownWritesInFlight = () => queryClient.isMutating() > 0;
    const tracker = createListChangeTracker({ queryClient, ownWritesInFlight });
    const timers = new Set<ReturnType<typeof setTimeout>>();

    tracker.subscribe((found) => {
      const marked = new Map<number, ChangeKind>([
        ...found.changed.map((id): [number, ChangeKind] => [id, 'changed']),
        ...found.added.map((id): [number, ChangeKind] => [id, 'added']),
      ]);
      setChanges((current) => new Map([...current, ...marked]));
      setAnnouncement(describeChanges(found) ?? '');
      const timer = setTimeout(() => {
        timers.delete(timer);
        setChanges((current) => {
          const next = new Map(current);
          for (const [id, kind] of marked) if (next.get(id) === kind) next.delete(id);
          return next;
        });
      }, HIGHLIGHT_MS);
      timers.add(timer);
    });
    return () => {
      tracker.dispose();
      timers.forEach(clearTimeout);
    };
  }, [queryClient]);

  return { list, changes, announcement };
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import { createListChangeTracker } from './listChangeTracker';
import { describeChanges } from './listChanges';
import { startLiveRefresh } from './liveRefresh';

export type ChangeKind = 'added' | 'changed';

/** Long enough to notice a row light up, short enough that the list is calm again soon after. */
const HIGHLIGHT_MS = 4000;

/**
 * Keeps the list current while the page is visible (every 20 s and on coming back to it) and
 * says what others changed: rows to highlight for a moment, and a sentence for a polite live
 * region. `isSaving` tells whether the user's own reorder is writing (or a row is being dragged),
 * when nothing may refetch.
 */
export function useLiveCallPurposes(isSaving: () => boolean): {
  changes: ReadonlyMap<number, ChangeKind>;
  announcement: string;
} {
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState<ReadonlyMap<number, ChangeKind>>(() => new Map());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const listKey = callPurposesQueryOptions().queryKey;
    const ownWritesInFlight = () => queryClient.isMutating() > 0 || isSaving();
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

    const stop = startLiveRefresh({
      isBusy: ownWritesInFlight,
      // A refetch keeps the rows on screen until the answer replaces them: never a blank list.
      refresh: () =>
        void queryClient.refetchQueries(
          { queryKey: listKey, exact: true, type: 'active' },
          { cancelRefetch: false },
        ),
    });
    return () => {
      stop();
      tracker.dispose();
      timers.forEach(clearTimeout);
    };
  }, [queryClient, isSaving]);

  return { changes, announcement };
}

import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type ReactNode,
} from 'react';
import { useToast } from '../../../hooks/useToast';
import { afterNextPaint } from '../../../lib/afterPaint';
import { describeError } from '../../../lib/describeError';
import { createStore } from '../../../lib/store';
import type { CallPurpose } from '../types';
import {
  ReorderContext,
  type DragState,
  type ListLayout,
  type ReorderActions,
  type ReorderContextValue,
  type ReorderParts,
} from './reorderContext';
import type { ReorderToolsProps } from './ReorderTools';

type ReorderableCallPurposesProps = {
  /** The whole list, in display order, straight from the query cache. */
  purposes: readonly CallPurpose[];
  /** The search box narrows the list: positions are ambiguous, so nothing moves. */
  filtered: boolean;
  /** The first pages are here, the rest still on their way: nothing moves until they are. */
  loading: boolean;
  /** The drag under way, if any: the page's, which holds the live refresh meanwhile. */
  dragState: DragState;
  /** The table: rendered once, whether or not the reorder code has arrived. */
  children: ReactNode;
};

/** The reorder code, a chunk of its own: the list shows without it. */
export const loadReorderTools = () => import('./ReorderTools');

/**
 * Makes the call-purpose table reorderable by mouse, touch and keyboard, with the move-to-top /
 * bottom menu and, for someone who may move everything, "Sort A–Z". The table shows at once and
 * stays mounted, with its row menus. What only someone who may reorder needs (`ReorderTools`:
 * dnd-kit and the drag handles, the planner and the writes behind every move, Sort A–Z) is
 * fetched after the list is on screen, and only once the list says this person may move
 * something; the handles appear when it arrives, and a move chosen from a menu before then runs
 * when it does.
 */
export function ReorderableCallPurposes({
  purposes,
  filtered,
  loading,
  dragState,
  children,
}: ReorderableCallPurposesProps) {
  const [parts] = useState<ReorderParts>(() => ({
    dragState,
    announcer: createStore(''),
    handleSlots: createStore<ReadonlyMap<number, HTMLElement>>(new Map()),
    layout: createStore<ListLayout | null>(null),
  }));
  const [Tools, setTools] = useState<ComponentType<ReorderToolsProps> | null>(null);
  const toast = useToast();

  // A move from the row menu before the reorder code has arrived waits for it (the latest one).
  const arrived = useRef<ReorderActions | null>(null);
  const waiting = useRef<((actions: ReorderActions) => void) | null>(null);
  const onReady = useCallback((next: ReorderActions | null) => {
    arrived.current = next;
    if (next !== null) waiting.current?.(next);
    waiting.current = null;
  }, []);
  const whenArrived = useCallback((run: (actions: ReorderActions) => void) => {
    if (arrived.current !== null) run(arrived.current);
    else waiting.current = run;
  }, []);

  const indexById = useMemo(
    () => new Map(purposes.map((purpose, index) => [purpose.id, index])),
    [purposes],
  );
  const available = purposes.length > 1 && purposes.some((purpose) => purpose.canWrite);
  const off = filtered ? 'filtered' : loading ? 'loading' : null;
  const enabled = available && off === null;

  // Once the list is painted (an effect alone would start the fetch before that frame), and only
  // for someone who may move something.
  useEffect(() => {
    if (!available || Tools !== null) return;
    let current = true;
    const cancel = afterNextPaint(() => {
      loadReorderTools()
        .then(({ ReorderTools }) => current && setTools(() => ReorderTools))
        .catch((error: unknown) => {
          if (current)
            toast.show(`Reordering is unavailable: ${describeError(error)}`, { tone: 'error' });
        });
    });
    return () => {
      current = false;
      cancel();
    };
  }, [available, Tools, toast]);

  const context = useMemo<ReorderContextValue>(
    () => ({
      available,
      enabled,
      total: purposes.length,
      indexOf: (id) => indexById.get(id) ?? -1,
      moveTo: (purpose, end) => whenArrived((tools) => tools.moveTo(purpose, end)),
      parts,
    }),
    [available, enabled, purposes.length, indexById, whenArrived, parts],
  );

  return (
    <ReorderContext.Provider value={context}>
      {available && Tools !== null && (
        <Tools purposes={purposes} off={off} parts={parts} onReady={onReady} />
      )}
      {children}
      <LiveRegion announcer={parts.announcer} />
    </ReorderContext.Provider>
  );
}

/** The live region every reordering route speaks through; only it re-renders when it speaks. */
function LiveRegion({ announcer }: { announcer: ReorderParts['announcer'] }) {
  const text = useSyncExternalStore(announcer.subscribe, announcer.get);
  return (
    <div
      id="reorder-announcements"
      className="visually-hidden"
      role="status"
      aria-live="assertive"
      aria-atomic="true"
    >
      {text}
    </div>
  );
}

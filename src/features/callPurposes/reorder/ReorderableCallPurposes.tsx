import { useQueryClient } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import type { CallPurpose } from '../types';
import { movedText, reorderInstructions } from './announcements';
import { createAnnouncer, useAnnouncement, type Announcer } from './announcer';
import type { DragEngine } from './dragEngine';
import { createDragState } from './dragState';
import {
  moveIntent,
  moveToBottomIntent,
  moveToTopIntent,
  sortByNameIntent,
  type ReorderIntent,
} from './intents';
import type { ListLayout } from './listLayout';
import { loadDragEngine } from './loadDragEngine';
import { ReorderContext, type ReorderContextValue } from './reorderContext';
import styles from './reorder.module.css';
import { SortAlphabetically } from './SortAlphabetically';
import { useReorderCallPurposes } from './useReorderCallPurposes';
import { useUndoShortcut } from './useUndoShortcut';

type ReorderableCallPurposesProps = {
  /** The whole list, in display order, straight from the query cache. */
  purposes: readonly CallPurpose[];
  /** The search box narrows the list: positions are ambiguous, so nothing moves. */
  filtered: boolean;
  /** The table: rendered once, whether or not the drag code has arrived. */
  children: ReactNode;
};

/** The live region every reordering route speaks through; only it re-renders when it speaks. */
function LiveRegion({ announcer }: { announcer: Announcer }) {
  const text = useAnnouncement(announcer);
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

/**
 * Makes the call-purpose table reorderable by mouse, touch and keyboard, with the move-to-top /
 * bottom menu and, for someone who may move everything, "Sort A–Z". Every route ends in
 * `useReorderCallPurposes`: one planner, one write queue, the query cache as the only copy.
 * The table shows at once and stays mounted; the drag handles appear in its rows when the drag
 * code has arrived, which is fetched only once the list says this person may move something.
 */
export function ReorderableCallPurposes({
  purposes,
  filtered,
  children,
}: ReorderableCallPurposesProps) {
  const queryClient = useQueryClient();
  const { reorder, undoLatest, saving } = useReorderCallPurposes();
  useUndoShortcut(undoLatest);
  const [dragState] = useState(createDragState);
  const [announcer] = useState(createAnnouncer);
  const layout = useRef<ListLayout | null>(null);
  const setLayout = useCallback((next: ListLayout | null) => {
    layout.current = next;
  }, []);
  const latestPurposes = useRef(purposes);
  const [engine, setEngine] = useState<DragEngine | null>(null);
  const instructionsId = useId();

  const indexById = useMemo(
    () => new Map(purposes.map((purpose, index) => [purpose.id, index])),
    [purposes],
  );
  const available = purposes.length > 1 && purposes.some((purpose) => purpose.canWrite);
  const enabled = available && !filtered;
  const mayMoveEverything = purposes.length > 1 && purposes.every((purpose) => purpose.canWrite);

  useLayoutEffect(() => {
    latestPurposes.current = purposes;
    // A drop keeps the rows where it left them until the new order is here: now it is.
    const drag = dragState.get();
    if (drag?.dropped) {
      dragState.set(null);
      // The row moved in the DOM, which drops focus: give it back to the handle that carried it.
      if (drag.mode === 'keyboard' && document.activeElement === document.body) {
        document
          .querySelector<HTMLElement>(`[data-reorder-handle="${drag.activeId}"]`)
          ?.focus({ preventScroll: true });
      }
    }
  }, [purposes, dragState]);

  const onMove = useCallback(
    (purpose: CallPurpose, toIndex: number) => reorder(moveIntent(purpose, toIndex)),
    [reorder],
  );
  const latestOnMove = useRef(onMove);
  useLayoutEffect(() => {
    latestOnMove.current = onMove;
  }, [onMove]);

  // After the list is on screen, and only for someone who may move something.
  useEffect(() => {
    if (!available || engine !== null) return;
    let current = true;
    void loadDragEngine().then(({ createDragEngine }) => {
      if (!current) return;
      setEngine(
        createDragEngine({
          state: dragState,
          layout,
          announcer,
          purposes: () => latestPurposes.current,
          onMove: (purpose, toIndex) => latestOnMove.current(purpose, toIndex),
        }),
      );
    });
    return () => {
      current = false;
    };
  }, [available, engine, dragState, announcer]);

  /** Moves that do not come from a drag get their own announcement once they are saved. */
  const reorderAndAnnounce = useCallback(
    (intent: ReorderIntent, purpose: CallPurpose) => {
      announcer.say('');
      void reorder(intent).then((outcome) => {
        if (outcome.status !== 'saved') return;
        const list = queryClient.getQueryData(callPurposesQueryOptions().queryKey) ?? [];
        const index = list.findIndex((item) => item.id === purpose.id);
        if (index !== -1) {
          announcer.say(movedText({ name: purpose.name, position: index + 1, total: list.length }));
        }
      });
    },
    [queryClient, reorder, announcer],
  );

  const context = useMemo<ReorderContextValue>(
    () => ({
      available,
      enabled,
      total: purposes.length,
      indexOf: (id) => indexById.get(id) ?? -1,
      moveToTop: (purpose) => reorderAndAnnounce(moveToTopIntent(purpose), purpose),
      moveToBottom: (purpose) => reorderAndAnnounce(moveToBottomIntent(purpose), purpose),
      dragState,
      announcer,
      setLayout,
      engine,
      instructionsId,
    }),
    [
      available,
      enabled,
      purposes.length,
      indexById,
      reorderAndAnnounce,
      dragState,
      announcer,
      setLayout,
      engine,
      instructionsId,
    ],
  );

  return (
    <ReorderContext.Provider value={context}>
      {available && (filtered || saving || mayMoveEverything) && (
        <div className={styles.toolbar}>
          {filtered && (
            <p className={styles.hint}>
              Reordering is off while the search filters the list. Clear the search to reorder.
            </p>
          )}
          {saving && (
            <span className={styles.saving} aria-hidden="true">
              Saving order…
            </span>
          )}
          {mayMoveEverything && (
            <SortAlphabetically
              purposes={purposes}
              disabled={filtered}
              onSort={() => void reorder(sortByNameIntent())}
            />
          )}
        </div>
      )}
      {children}
      <div id={instructionsId} hidden>
        {reorderInstructions}
      </div>
      <LiveRegion announcer={announcer} />
    </ReorderContext.Provider>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import type { CallPurpose } from '../types';
import { movedText } from './announcements';
import type { Announcer } from './announcer';
import { DragAndDrop } from './DragAndDrop';
import type { DragState } from './dragState';
import {
  moveIntent,
  moveToBottomIntent,
  moveToTopIntent,
  sortByNameIntent,
  type ReorderIntent,
} from './intents';
import type { ListLayout } from './listLayout';
import styles from './reorder.module.css';
import type { HandleSlots, ReorderActions } from './reorderContext';
import { SortAlphabetically } from './SortAlphabetically';
import { useReorderCallPurposes } from './useReorderCallPurposes';
import { useUndoShortcut } from './useUndoShortcut';

export type ReorderToolsProps = {
  /** The whole list, in display order, straight from the query cache. */
  purposes: readonly CallPurpose[];
  filtered: boolean;
  /** Someone here may move every purpose: "Sort A–Z" is offered. */
  mayMoveEverything: boolean;
  dragState: DragState;
  announcer: Announcer;
  layout: RefObject<ListLayout | null>;
  handleSlots: HandleSlots;
  /** Receives what the rows need (null when the tools go). */
  onReady: (actions: ReorderActions | null) => void;
};

/**
 * Everything that changes the order, in a chunk of its own that only someone who may reorder
 * fetches, after the list is on screen: dnd-kit and the drag handles, the moves behind the row menu, "Sort
 * A–Z", Ctrl+Z, and `useReorderCallPurposes` behind them all (one planner, one write queue, the
 * query cache as the only copy). It renders the toolbar above the table and hands the rows their
 * actions through `onReady`.
 */
export function ReorderTools({
  purposes,
  filtered,
  mayMoveEverything,
  dragState,
  announcer,
  layout,
  handleSlots,
  onReady,
}: ReorderToolsProps) {
  const queryClient = useQueryClient();
  const { reorder, undoLatest, redoLatest, saving } = useReorderCallPurposes();
  useUndoShortcut(undoLatest, redoLatest);
  const latestPurposes = useRef(purposes);

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

  /** Moves that do not come from a drag get their own announcement once they are saved. */
  const reorderAndAnnounce = useCallback(
    (intent: ReorderIntent, purpose: CallPurpose) => {
      announcer.set('');
      void reorder(intent).then((outcome) => {
        if (outcome.status !== 'saved') return;
        const list = queryClient.getQueryData(callPurposesQueryOptions().queryKey) ?? [];
        const index = list.findIndex((item) => item.id === purpose.id);
        if (index !== -1) {
          announcer.set(movedText({ name: purpose.name, position: index + 1, total: list.length }));
        }
      });
    },
    [queryClient, reorder, announcer],
  );

  // The rows' menus run their moves here once this has run.
  useLayoutEffect(() => {
    onReady({
      moveToTop: (purpose) => reorderAndAnnounce(moveToTopIntent(purpose), purpose),
      moveToBottom: (purpose) => reorderAndAnnounce(moveToBottomIntent(purpose), purpose),
    });
    return () => onReady(null);
  }, [onReady, reorderAndAnnounce]);

  return (
    <>
      {(filtered || saving || mayMoveEverything) && (
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
      <DragAndDrop
        purposes={purposes}
        enabled={!filtered}
        dragState={dragState}
        announcer={announcer}
        layout={layout}
        handleSlots={handleSlots}
        onMove={onMove}
      />
    </>
  );
}

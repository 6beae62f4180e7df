import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useState } from 'react';
import { useToast } from '../../../hooks/useToast';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import { updateCallPurpose } from '../api/updateCallPurpose';
import type { CallPurpose } from '../types';
import { DragAndDrop } from './DragAndDrop';
import { moveIntent, sortByNameIntent, type ReorderIntent } from './intents';
import styles from './reorder.module.css';
import type { ReorderActions, ReorderOff, ReorderParts } from './reorderContext';
import { REORDER_MUTATION_KEY, createReorderController } from './reorderController';
import { movedText } from './reorderMessages';
import { SortAlphabetically } from './SortAlphabetically';
import { useUndoShortcut } from './useUndoShortcut';

/** A disabled handle's tooltip. (While the rest loads, the list says so below the rows.) */
const OFF_REASONS: Record<ReorderOff, string> = {
  filtered: 'Clear the search to reorder',
  loading: 'Reordering waits until the whole list has loaded',
};

export type ReorderToolsProps = {
  /** The whole list, in display order, straight from the query cache. */
  purposes: readonly CallPurpose[];
  /** Why nothing may move just now: the search filters the list, or the rest is still loading. */
  off: ReorderOff | null;
  parts: ReorderParts;
  /** Receives what the rows' menus need (null when the tools go). */
  onReady: (actions: ReorderActions | null) => void;
};

/**
 * Everything that changes the order, in a chunk of its own that only someone who may reorder
 * fetches, after the list is on screen: dnd-kit and the drag handles, the moves behind the row
 * menu, "Sort A–Z", Ctrl+Z, and the reorder controller behind them all (one planner, writes as
 * mutations in one scope, the query cache as the only copy). It renders the toolbar above the
 * table and hands the rows' menus their actions through `onReady`.
 */
export function ReorderTools({ purposes, off, parts, onReady }: ReorderToolsProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [controller] = useState(() =>
    createReorderController({
      queryClient,
      writeOrder: (id, order) => updateCallPurpose(id, { order }),
    }),
  );
  useUndoShortcut(controller.undoLatest, controller.redoLatest);
  const saving = useIsMutating({ mutationKey: REORDER_MUTATION_KEY }) > 0;
  const mayMoveEverything = purposes.every((purpose) => purpose.canWrite);
  const { dragState, announcer } = parts;

  useLayoutEffect(() => {
    // A drop keeps the rows where it left them until the new order is here: now it is.
    const drag = dragState.get();
    if (!drag?.dropped) return;
    dragState.set(null);
    // The row moved in the DOM, which drops focus: give it back to the handle that carried it.
    if (drag.mode === 'keyboard' && document.activeElement === document.body) {
      document
        .querySelector<HTMLElement>(`[data-reorder-handle="${drag.activeId}"]`)
        ?.focus({ preventScroll: true });
    }
  }, [purposes, dragState]);

  /** Shows the new order at once, saves it, and says what went wrong in a toast. */
  const reorder = useCallback(
    (intent: ReorderIntent) => controller.request(intent, (...toShow) => toast.show(...toShow)),
    [controller, toast],
  );

  // The rows' menus run their moves here once this has run; those moves are not dragged, so they
  // get their own announcement once saved.
  useLayoutEffect(() => {
    onReady({
      moveTo: (purpose, end) => {
        announcer.set('');
        void reorder(moveIntent(purpose, end)).then((outcome) => {
          const list = queryClient.getQueryData(callPurposesQueryOptions().queryKey) ?? [];
          const index = list.findIndex((item) => item.id === purpose.id);
          if (outcome.status !== 'saved' || index === -1) return;
          announcer.set(movedText({ name: purpose.name, position: index + 1, total: list.length }));
        });
      },
    });
    return () => onReady(null);
  }, [onReady, reorder, announcer, queryClient]);

  return (
    <>
      {(off === 'filtered' || saving || mayMoveEverything) && (
        <div className={styles.toolbar}>
          {off === 'filtered' && (
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
              disabled={off !== null}
              onSort={() => void reorder(sortByNameIntent())}
            />
          )}
        </div>
      )}
      <DragAndDrop
        purposes={purposes}
        enabled={off === null}
        offReason={off === null ? undefined : OFF_REASONS[off]}
        parts={parts}
        onMove={(purpose, toIndex) => reorder(moveIntent(purpose, toIndex))}
      />
    </>
  );
}

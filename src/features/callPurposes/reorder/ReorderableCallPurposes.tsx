import { useQueryClient } from '@tanstack/react-query';
import {
  Suspense,
  lazy,
  useCallback,
  useMemo,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import type { CallPurposeRowProps } from '../components/CallPurposeRow';
import type { CallPurpose } from '../types';
import { movedText } from './announcements';
import {
  moveIntent,
  moveToBottomIntent,
  moveToTopIntent,
  sortByNameIntent,
  type ReorderIntent,
} from './intents';
import { loadSortableRows } from './loadSortableRows';
import { ReorderContext, type ReorderContextValue } from './reorderContext';
import styles from './reorder.module.css';
import { SortAlphabetically } from './SortAlphabetically';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';
import { useReorderCallPurposes } from './useReorderCallPurposes';
import { useUndoShortcut } from './useUndoShortcut';

/** Renders the table with the given row component (the plain one when left out). */
export type RenderTable = (Row?: ComponentType<CallPurposeRowProps>) => ReactNode;

const SortableCallPurposeRows = lazy(loadSortableRows);

type ReorderableCallPurposesProps = {
  /** The whole list, in display order, straight from the query cache. */
  purposes: readonly CallPurpose[];
  /** The search box narrows the list: positions are ambiguous, so nothing moves. */
  filtered: boolean;
  renderTable: RenderTable;
};

/**
 * Makes the call-purpose table reorderable by mouse, touch and keyboard, with the move-to-top /
 * bottom menu and, for someone who may move everything, "Sort A–Z". Every route ends in
 * `useReorderCallPurposes`: one planner, one write queue, the query cache as the only copy.
 * The table shows at once; the drag handles follow when the drag-and-drop chunk has loaded.
 */
export function ReorderableCallPurposes({
  purposes,
  filtered,
  renderTable,
}: ReorderableCallPurposesProps) {
  const queryClient = useQueryClient();
  const { reorder, undoLatest, saving } = useReorderCallPurposes();
  useUndoShortcut(undoLatest);
  const reducedMotion = usePrefersReducedMotion();
  const [status, setStatus] = useState('');

  const indexById = useMemo(
    () => new Map(purposes.map((purpose, index) => [purpose.id, index])),
    [purposes],
  );
  const available = purposes.length > 1 && purposes.some((purpose) => purpose.canWrite);
  const enabled = available && !filtered;
  const mayMoveEverything = purposes.length > 1 && purposes.every((purpose) => purpose.canWrite);

  /** Moves that do not come from a drag get their own announcement once they are saved. */
  const reorderAndAnnounce = useCallback(
    (intent: ReorderIntent, purpose: CallPurpose) => {
      setStatus('');
      void reorder(intent).then((outcome) => {
        if (outcome.status !== 'saved') return;
        const list = queryClient.getQueryData(callPurposesQueryOptions().queryKey) ?? [];
        const index = list.findIndex((item) => item.id === purpose.id);
        if (index !== -1) {
          setStatus(movedText({ name: purpose.name, position: index + 1, total: list.length }));
        }
      });
    },
    [queryClient, reorder],
  );

  const context = useMemo<ReorderContextValue>(
    () => ({
      available,
      enabled,
      reducedMotion,
      total: purposes.length,
      indexOf: (id) => indexById.get(id) ?? -1,
      moveToTop: (purpose) => reorderAndAnnounce(moveToTopIntent(purpose), purpose),
      moveToBottom: (purpose) => reorderAndAnnounce(moveToBottomIntent(purpose), purpose),
    }),
    [available, enabled, reducedMotion, purposes.length, indexById, reorderAndAnnounce],
  );

  const onMove = useCallback(
    (purpose: CallPurpose, toIndex: number) => void reorder(moveIntent(purpose, toIndex)),
    [reorder],
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
      {available ? (
        <Suspense fallback={renderTable()}>
          <SortableCallPurposeRows
            purposes={purposes}
            enabled={enabled}
            reducedMotion={reducedMotion}
            renderTable={renderTable}
            onMove={onMove}
          />
        </Suspense>
      ) : (
        renderTable()
      )}
      <div className="visually-hidden" role="status">
        {status}
      </div>
    </ReorderContext.Provider>
  );
}

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
  type Modifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { callPurposeKeys } from '../api/callPurposeKeys';
import type { CallPurpose } from '../types';
import { createAnnouncements, movedText, reorderInstructions } from './announcements';
import {
  moveIntent,
  moveToBottomIntent,
  moveToTopIntent,
  sortByNameIntent,
  type ReorderIntent,
} from './intents';
import { ReorderContext, type ReorderContextValue } from './reorderContext';
import styles from './reorder.module.css';
import { SortAlphabetically } from './SortAlphabetically';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';
import { useReorderCallPurposes } from './useReorderCallPurposes';

const [pointerActivator] = PointerSensor.activators;

/**
 * Mouse and pen start a drag after a few pixels; touch is left to the TouchSensor and its
 * press-and-hold delay, so a finger swiping over a handle still scrolls the page.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators: typeof PointerSensor.activators = [
    {
      eventName: 'onPointerDown',
      handler: (event, options) =>
        event.nativeEvent.pointerType !== 'touch' &&
        (pointerActivator?.handler(event, options) ?? false),
    },
  ];
}

const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });
const modifiers = [restrictToVerticalAxis];
const autoScroll = { threshold: { x: 0, y: 0.15 } };

type ReorderableCallPurposesProps = {
  /** The whole list, in display order, straight from the query cache. */
  purposes: readonly CallPurpose[];
  /** The search box narrows the list: positions are ambiguous, so nothing moves. */
  filtered: boolean;
  /** The table; its rows use `useSortableRow`, `ReorderHandle` and `ReorderMenu`. */
  children: ReactNode;
};

/**
 * Makes the call-purpose table reorderable by mouse, touch and keyboard, with the move-to-top /
 * bottom menu and, for someone who may move everything, "Sort A–Z". Every route ends in
 * `useReorderCallPurposes`: one planner, one write queue, the query cache as the only copy.
 */
export function ReorderableCallPurposes({
  purposes,
  filtered,
  children,
}: ReorderableCallPurposesProps) {
  const queryClient = useQueryClient();
  const { reorder, saving } = useReorderCallPurposes();
  const reducedMotion = usePrefersReducedMotion();
  const [status, setStatus] = useState('');

  const ids = useMemo(() => purposes.map((purpose) => purpose.id), [purposes]);
  const indexById = useMemo(() => new Map(ids.map((id, index) => [id, index])), [ids]);
  const available = purposes.length > 1 && purposes.some((purpose) => purpose.canWrite);
  const enabled = available && !filtered;
  const mayMoveEverything = purposes.length > 1 && purposes.every((purpose) => purpose.canWrite);

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      scrollBehavior: reducedMotion ? 'auto' : 'smooth',
    }),
  );
  const announcements = useMemo(() => createAnnouncements(purposes), [purposes]);

  /** Moves that do not come from a drag get their own announcement once they are saved. */
  const reorderAndAnnounce = useCallback(
    (intent: ReorderIntent, purpose: CallPurpose) => {
      setStatus('');
      void reorder(intent).then((outcome) => {
        if (outcome.status !== 'saved') return;
        const list = queryClient.getQueryData<CallPurpose[]>(callPurposeKeys.list()) ?? [];
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
      total: ids.length,
      indexOf: (id) => indexById.get(id) ?? -1,
      moveToTop: (purpose) => reorderAndAnnounce(moveToTopIntent(purpose), purpose),
      moveToBottom: (purpose) => reorderAndAnnounce(moveToBottomIntent(purpose), purpose),
    }),
    [available, enabled, reducedMotion, ids.length, indexById, reorderAndAnnounce],
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    // Commit only a real move: a drop outside the list or back in place changes nothing.
    if (over === null || active.id === over.id) return;
    const purpose = purposes.find((item) => item.id === active.id);
    const toIndex = indexById.get(over.id as number);
    if (purpose === undefined || toIndex === undefined) return;
    void reorder(moveIntent(purpose, toIndex));
  };

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
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        modifiers={modifiers}
        autoScroll={autoScroll}
        accessibility={{ announcements, screenReaderInstructions: reorderInstructions }}
        onDragEnd={onDragEnd}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={!enabled}>
          {children}
        </SortableContext>
      </DndContext>
      <div className="visually-hidden" role="status">
        {status}
      </div>
    </ReorderContext.Provider>
  );
}

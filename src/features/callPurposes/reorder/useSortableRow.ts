import { useSortable } from '@dnd-kit/sortable';
import { CSS, type Transform } from '@dnd-kit/utilities';
import type { CSSProperties } from 'react';
import type { CallPurpose } from '../types';
import styles from './reorder.module.css';
import { useReorderContext } from './reorderContext';

const TRANSITION = { duration: 160, easing: 'cubic-bezier(0.2, 0, 0, 1)' };

/**
 * dnd-kit gives every row of the list a transform while dragging, most of them zero; a
 * translate3d, even a zero one, gives each row its own compositing layer, which on a long list
 * makes picking up slow. Only rows that actually move get one.
 */
function translate(transform: Transform | null): string | undefined {
  return transform && (transform.x !== 0 || transform.y !== 0)
    ? CSS.Translate.toString(transform)
    : undefined;
}

/**
 * The sortable wiring for one table row: a ref and style for the `<tr>`, and what the drag
 * handle needs. A row the user may not write stays a drop target (others can move past it) but
 * gets no handle; while the list is filtered nothing moves.
 */
export function useSortableRow(purpose: CallPurpose) {
  const context = useReorderContext();
  const enabled = context?.enabled ?? false;
  const showHandle = (context?.available ?? false) && purpose.canWrite;
  const sortable = useSortable({
    id: purpose.id,
    disabled: { draggable: !(enabled && purpose.canWrite), droppable: !enabled },
    transition: context?.reducedMotion ? null : TRANSITION,
    // Rows keep their height during a drag (a resize cancels it); watching 500 of them is waste.
    resizeObserverConfig: { disabled: true },
  });

  const rowStyle: CSSProperties = {
    transform: translate(sortable.transform),
    transition: sortable.transition,
  };
  return {
    setRowNode: sortable.setNodeRef,
    rowStyle,
    isDragging: sortable.isDragging,
    /** Lifts the row being dragged above its neighbours. */
    rowClassName: sortable.isDragging ? styles.dragging : undefined,
    handle: {
      show: showHandle,
      /** No handle here, but others have one: keep the row as tall as theirs. */
      reserveSpace: (context?.available ?? false) && !purpose.canWrite,
      enabled: enabled && purpose.canWrite,
      setNode: sortable.setActivatorNodeRef,
      attributes: sortable.attributes,
      listeners: sortable.listeners,
    },
  };
}

export type SortableHandle = ReturnType<typeof useSortableRow>['handle'];

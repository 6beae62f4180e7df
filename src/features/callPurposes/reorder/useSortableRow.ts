import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties } from 'react';
import type { CallPurpose } from '../types';
import styles from './reorder.module.css';
import { useReorderContext } from './reorderContext';

const TRANSITION = { duration: 160, easing: 'cubic-bezier(0.2, 0, 0, 1)' };

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
  });

  const rowStyle: CSSProperties = {
    transform: CSS.Translate.toString(sortable.transform),
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
      enabled: enabled && purpose.canWrite,
      setNode: sortable.setActivatorNodeRef,
      attributes: sortable.attributes,
      listeners: sortable.listeners,
    },
  };
}

export type SortableHandle = ReturnType<typeof useSortableRow>['handle'];

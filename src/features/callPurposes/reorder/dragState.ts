import { createStore, useStoreSelector, type Store } from '../../../lib/store';

/** A drag in progress: which row, where it started and where it would land if dropped now. */
export type Drag = {
  activeId: number;
  /** Index the row had when picked up, in the list on screen. */
  fromIndex: number;
  /** Index it would move to. */
  overIndex: number;
  /** How far the dragged row is drawn from its own place, in px. */
  offset: number;
  /** The dragged row's height: what the rows it passes shift by. */
  size: number;
  /** A pointer drag follows the pointer; a keyboard drag snaps from place to place. */
  mode: 'pointer' | 'keyboard';
  /** Dropped, waiting for the new order to reach the list (rows keep their shifts till then). */
  dropped: boolean;
};

/** The drag, outside React and outside dnd-kit: rows read it through selectors. */
export type DragState = Store<Drag | null>;

export const createDragState = (): DragState => createStore<Drag | null>(null);

/** The vertical translation of the row at `index` (with id `id`) while `drag` goes on, in px. */
export function rowShift(drag: Drag | null, id: number, index: number): number {
  if (drag === null) return 0;
  if (drag.activeId === id) return drag.offset;
  const { fromIndex, overIndex, size } = drag;
  if (fromIndex < index && index <= overIndex) return -size;
  if (overIndex <= index && index < fromIndex) return size;
  return 0;
}

/** This row's translation in px (0 when still); re-renders only when it changes. */
export const useRowShift = (state: DragState | null, id: number, index: number) =>
  useStoreSelector(state, (drag) => rowShift(drag, id, index), 0);

/** How this row is being dragged, or null when it is not. */
export const useDragMode = (state: DragState | null, id: number) =>
  useStoreSelector(state, (drag) => (drag?.activeId === id ? drag.mode : null), null);

/** A drag is going on (picked up, not yet dropped): rows animate as they make way. */
export const useIsDragging = (state: DragState | null) =>
  useStoreSelector(state, (drag) => drag !== null && !drag.dropped, false);

/** Index of the dragged row in the list on screen, or null: the list keeps it mounted. */
export const useDraggedIndex = (state: DragState | null) =>
  useStoreSelector(state, (drag) => drag?.fromIndex ?? null, null);

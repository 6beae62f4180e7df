import { useSyncExternalStore } from 'react';

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

export type DragState = {
  get: () => Drag | null;
  set: (next: Drag | null) => void;
  subscribe: (listener: () => void) => () => void;
};

/**
 * The drag, outside React: each row subscribes with a selector for its own shift, so a drag event
 * re-renders only the rows whose place changed, never the whole list.
 */
export function createDragState(): DragState {
  let drag: Drag | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => drag,
    set(next) {
      drag = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The vertical translation of the row at `index` (with id `id`) while `drag` goes on, in px. */
export function rowShift(drag: Drag | null, id: number, index: number): number {
  if (drag === null) return 0;
  if (drag.activeId === id) return drag.offset;
  const { fromIndex, overIndex, size } = drag;
  if (fromIndex < index && index <= overIndex) return -size;
  if (overIndex <= index && index < fromIndex) return size;
  return 0;
}

const noDrag = () => () => undefined;

/** This row's translation in px (0 when still); re-renders only when it changes. */
export function useRowShift(state: DragState | null, id: number, index: number): number {
  return useSyncExternalStore(state?.subscribe ?? noDrag, () =>
    rowShift(state?.get() ?? null, id, index),
  );
}

/** How this row is being dragged, or null when it is not. */
export function useDragMode(state: DragState | null, id: number): Drag['mode'] | null {
  return useSyncExternalStore(state?.subscribe ?? noDrag, () => {
    const drag = state?.get() ?? null;
    return drag?.activeId === id ? drag.mode : null;
  });
}

/** A drag is going on (picked up, not yet dropped): rows animate as they make way. */
export function useIsDragging(state: DragState | null): boolean {
  return useSyncExternalStore(state?.subscribe ?? noDrag, () => {
    const drag = state?.get() ?? null;
    return drag !== null && !drag.dropped;
  });
}

/** Index of the dragged row in the list on screen, or null: the list keeps it mounted. */
export function useDraggedIndex(state: DragState | null): number | null {
  return useSyncExternalStore(state?.subscribe ?? noDrag, () => state?.get()?.fromIndex ?? null);
}

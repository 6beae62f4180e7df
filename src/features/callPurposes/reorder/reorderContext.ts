import { createContext, useCallback, useContext, type RefCallback } from 'react';
import { createStore, useStoreSelector, type Store } from '../../../lib/store';
import type { CallPurpose } from '../types';

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

/** This row's translation in px (0 when still); re-renders only when it changes. */
export const useRowShift = (state: DragState | null, id: number, index: number) =>
  useStoreSelector(
    state,
    (drag) => {
      if (drag === null) return 0;
      if (drag.activeId === id) return drag.offset;
      const { fromIndex, overIndex, size } = drag;
      if (fromIndex < index && index <= overIndex) return -size;
      if (overIndex <= index && index < fromIndex) return size;
      return 0;
    },
    0,
  );

/** How this row is being dragged, or null when it is not. */
export const useDragMode = (state: DragState | null, id: number) =>
  useStoreSelector(state, (drag) => (drag?.activeId === id ? drag.mode : null), null);

/** A drag is going on (picked up, not yet dropped): rows animate as they make way. */
export const useIsDragging = (state: DragState | null) =>
  useStoreSelector(state, (drag) => drag !== null && !drag.dropped, false);

/** Index of the dragged row in the list on screen, or null: the list keeps it mounted. */
export const useDraggedIndex = (state: DragState | null) =>
  useStoreSelector(state, (drag) => drag?.fromIndex ?? null, null);

/**
 * Where the rows of the list on screen are, including the ones the windowed table has not
 * mounted (their size estimated until they have been seen). Offsets are page coordinates.
 */
export type ListLayout = {
  startOf(index: number): number;
  sizeOf(index: number): number;
  /** The index of the row at page offset `y`, clamped to the list. */
  indexAt(y: number): number;
  /** Scrolls the page just enough to show the row at `index`. */
  scrollToIndex(index: number): void;
};

/**
 * What the table and the reorder chunk share, made once for the list: the drag, the live
 * region's text, the cells where handles go and the table's layout.
 */
export type ReorderParts = {
  dragState: DragState;
  announcer: Store<string>;
  handleSlots: HandleSlots;
  layout: Store<ListLayout | null>;
};

/** Why nothing may move just now: the search filters the list, or its later pages are loading. */
export type ReorderOff = 'filtered' | 'loading';

/** What the reorder code, once it has arrived, does for the rows' menus. */
export type ReorderActions = {
  moveTo(purpose: CallPurpose, end: 'top' | 'bottom'): void;
};

/**
 * The cells where drag handles go, by purpose id: the reorder chunk renders each handle into its
 * cell through a portal, inside its own `DndContext`, so the table never remounts around it.
 */
export type HandleSlots = Store<ReadonlyMap<number, HTMLElement>>;

/**
 * What rows need for reordering. It changes when the list or the user's rights change; never on
 * a drag event (rows read those from `dragState`).
 */
export type ReorderContextValue = ReorderActions & {
  /** Someone here may move at least one purpose, so handles and menus are worth showing. */
  available: boolean;
  /** Dragging and moving work right now (not while the search box filters the list). */
  enabled: boolean;
  total: number;
  indexOf(id: number): number;
  /** The table hands over its geometry in `parts.layout` (null when it goes). */
  parts: ReorderParts;
};

export const ReorderContext = createContext<ReorderContextValue | null>(null);

export function useReorderContext(): ReorderContextValue | null {
  return useContext(ReorderContext);
}

/** The ref for a row's handle cell: offered as a slot while this person may move the row. */
export function useHandleSlot(purpose: CallPurpose): RefCallback<HTMLElement> | undefined {
  const context = useReorderContext();
  const slots = context?.available && purpose.canWrite ? context.parts.handleSlots : null;
  const id = purpose.id;
  const ref = useCallback(
    (cell: HTMLElement | null) => {
      if (cell === null || slots === null) return;
      slots.set(new Map(slots.get()).set(id, cell));
      return () => {
        if (slots.get().get(id) !== cell) return;
        const next = new Map(slots.get());
        next.delete(id);
        slots.set(next);
      };
    },
    [slots, id],
  );
  return slots === null ? undefined : ref;
}

import { createContext, useCallback, useContext, type RefCallback } from 'react';
import type { Store } from '../../../lib/store';
import type { CallPurpose } from '../types';
import type { DragState } from './dragState';
import type { ListLayout } from './listLayout';

/** What the reorder code, once it has arrived, does for the rows' menus. */
export type ReorderActions = {
  moveToTop(purpose: CallPurpose): void;
  moveToBottom(purpose: CallPurpose): void;
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
export type ReorderContextValue = {
  /** Someone here may move at least one purpose, so handles and menus are worth showing. */
  available: boolean;
  /** Dragging and moving work right now (not while the search box filters the list). */
  enabled: boolean;
  total: number;
  indexOf(id: number): number;
  /** Work at once: a move asked for before the reorder code has arrived runs when it does. */
  moveToTop(purpose: CallPurpose): void;
  moveToBottom(purpose: CallPurpose): void;
  dragState: DragState;
  handleSlots: HandleSlots;
  /** The table hands over its geometry (null when it goes), for the drag code. */
  setLayout: (layout: ListLayout | null) => void;
};

export const ReorderContext = createContext<ReorderContextValue | null>(null);

export function useReorderContext(): ReorderContextValue | null {
  return useContext(ReorderContext);
}

/** The ref for a row's handle cell: offered as a slot while this person may move the row. */
export function useHandleSlot(purpose: CallPurpose): RefCallback<HTMLElement> | undefined {
  const context = useReorderContext();
  const slots = context?.available && purpose.canWrite ? context.handleSlots : null;
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

import { createContext, useContext } from 'react';
import type { CallPurpose } from '../types';
import type { DragEngine } from './dragEngine';
import type { DragState } from './dragState';
import type { ListLayout } from './listLayout';

/** What the reorder code, once it has arrived, does for the rows. */
export type ReorderActions = {
  engine: DragEngine;
  moveToTop(purpose: CallPurpose): void;
  moveToBottom(purpose: CallPurpose): void;
};

/**
 * What rows need for reordering. It changes when the list or the user's rights change, or once
 * when the reorder code arrives; never on a drag event (rows read those from `dragState`).
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
  /** The table hands over its geometry (null when it goes), for the drag code. */
  setLayout: (layout: ListLayout | null) => void;
  /** The drag code, once its chunk has arrived; handles appear with it. */
  engine: DragEngine | null;
  /** The hidden instructions every handle is described by. */
  instructionsId: string;
};

export const ReorderContext = createContext<ReorderContextValue | null>(null);

export function useReorderContext(): ReorderContextValue | null {
  return useContext(ReorderContext);
}

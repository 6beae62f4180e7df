import { createContext, useContext } from 'react';
import type { CallPurpose } from '../types';

export type ReorderContextValue = {
  /** Someone here may move at least one purpose, so handles and menus are worth showing. */
  available: boolean;
  /** Dragging and moving work right now (not while the search box filters the list). */
  enabled: boolean;
  reducedMotion: boolean;
  total: number;
  indexOf(id: number): number;
  moveToTop(purpose: CallPurpose): void;
  moveToBottom(purpose: CallPurpose): void;
};

export const ReorderContext = createContext<ReorderContextValue | null>(null);

export function useReorderContext(): ReorderContextValue | null {
  return useContext(ReorderContext);
}

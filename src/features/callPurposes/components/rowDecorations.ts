import { createContext, useContext } from 'react';
import type { ChangeKind } from '../live/useLiveCallPurposes';

export type RowDecorations = {
  /** Rows another user added or changed since the last look, highlighted for a moment. */
  changes: ReadonlyMap<number, ChangeKind>;
  /** The user may change some purposes, so a row they may not change says why. */
  showLocks: boolean;
};

const none: RowDecorations = { changes: new Map(), showLocks: false };

export const RowDecorationsContext = createContext<RowDecorations>(none);

export function useRowDecorations(): RowDecorations {
  return useContext(RowDecorationsContext);
}

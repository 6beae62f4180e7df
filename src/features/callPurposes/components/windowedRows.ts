import type { RefCallback } from 'react';
import type { ListLayout } from '../reorder/reorderContext';

// What the table and its virtualizer (a chunk of its own) agree on.

/** About two screens of rows: up to this many render in full; longer lists are virtualised. */
export const RENDER_ALL_UP_TO = 40;
/** A row's height before it has been measured (one line of text and 36 px buttons). */
export const ESTIMATED_ROW_PX = 53;

/** What the virtualizer has the table mount: rows and their places, and every row's layout. */
export type RowWindow = {
  items: readonly { index: number; start: number; end: number }[];
  totalSize: number;
  measure: RefCallback<HTMLTableRowElement>;
  layout: ListLayout;
};

export type WindowVirtualizerProps = {
  count: number;
  /** Indexes to keep mounted wherever they are (the focused row, the dragged row), comma-joined. */
  pinned: string;
  /** The table body's top in page coordinates. */
  scrollMargin: number;
  /** Receives which rows to mount and where, each time that changes. */
  onWindow: (rows: RowWindow) => void;
};

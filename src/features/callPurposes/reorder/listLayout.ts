/**
 * Where the rows of the list on screen are, including the ones a virtualised table has not
 * mounted (their size estimated until they have been seen). Offsets are page coordinates.
 */
export type ListLayout = {
  count(): number;
  startOf(index: number): number;
  sizeOf(index: number): number;
  /** The index of the row at page offset `y`, clamped to the list. */
  indexAt(y: number): number;
  /** Scrolls the page just enough to show the row at `index`. */
  scrollToIndex(index: number): void;
};

/** Set by the table once it is laid out; read by the drag code at each event. */
export type LayoutRef = { current: ListLayout | null };

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

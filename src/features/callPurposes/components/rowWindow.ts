// The arithmetic of a windowed list: where each row starts, which rows the window shows, and the
// empty space that stands in for the rows left unmounted. Offsets are px from the list's top.

/** `starts[i]` is where row `i` starts; `starts[count]` is the whole list's height. */
export type RowStarts = Float64Array;

/** Inclusive; `last < first` when there is nothing to show. */
export type RowRange = { first: number; last: number };

export type WindowedRow = {
  index: number;
  /** Empty space to leave above this row for the unmounted rows before it, in px. */
  gapBefore: number;
};

export function rowStarts(count: number, sizeOf: (index: number) => number): RowStarts {
  const starts = new Float64Array(count + 1);
  for (let index = 0; index < count; index += 1) {
    starts[index + 1] = (starts[index] as number) + sizeOf(index);
  }
  return starts;
}

export const rowCount = (starts: RowStarts) => starts.length - 1;

/** The row at `offset`, clamped to the list (0 for an empty one). */
export function indexAt(starts: RowStarts, offset: number): number {
  let low = 0;
  let high = rowCount(starts) - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** The rows that overlap `[top, bottom)`, widened by `overscan` rows on each side. */
export function visibleRange(
  starts: RowStarts,
  top: number,
  bottom: number,
  overscan: number,
): RowRange {
  const count = rowCount(starts);
  if (count === 0) return { first: 0, last: -1 };
  const first = indexAt(starts, top);
  const last = indexAt(starts, Math.max(top, bottom - 1));
  return { first: Math.max(0, first - overscan), last: Math.min(count - 1, last + overscan) };
}

/** The rows to mount: the range, plus the pinned rows that lie in the list, ascending, once each. */
export function rowsToMount(
  range: RowRange,
  pinned: readonly (number | null)[],
  count: number,
): number[] {
  const last = Math.min(range.last, count - 1);
  const indexes: number[] = [];
  for (let index = range.first; index <= last; index += 1) indexes.push(index);
  const outside = pinned.filter(
    (index): index is number =>
      index !== null && index >= 0 && index < count && (index < range.first || index > last),
  );
  return [...new Set([...indexes, ...outside])].sort((a, b) => a - b);
}

/** Each mounted row with the space above it, and the space after the last one. */
export function withGaps(
  indexes: readonly number[],
  starts: RowStarts,
): { rows: WindowedRow[]; gapAfter: number } {
  let cursor = 0;
  const rows = indexes.map((index) => {
    const start = starts[index] as number;
    const gapBefore = start - cursor;
    cursor = starts[index + 1] as number;
    return { index, gapBefore };
  });
  return { rows, gapAfter: (starts[rowCount(starts)] as number) - cursor };
}

/**
 * Where to scroll so that `[rowTop, rowBottom)` is in the window `[viewTop, viewBottom)`, moving
 * as little as possible; null when it already is.
 */
export function scrollTargetFor(
  rowTop: number,
  rowBottom: number,
  viewTop: number,
  viewBottom: number,
): number | null {
  if (rowBottom > viewBottom) return rowBottom - (viewBottom - viewTop);
  if (rowTop < viewTop) return rowTop;
  return null;
}

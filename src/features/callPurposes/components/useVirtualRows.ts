import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ListLayout } from '../reorder/listLayout';

/** About two screens of rows: up to this many render in full; longer lists are virtualised. */
export const RENDER_ALL_UP_TO = 40;
/** Rows mounted beyond each edge of the window: enough that Tab always finds the next row. */
const OVERSCAN = 6;
/** A row's height before it has been measured (one line of text and 36 px buttons). */
const ESTIMATED_ROW_PX = 53;

export type VirtualRow = {
  index: number;
  /** Empty space to leave above this row for the unmounted rows before it, in px. */
  gapBefore: number;
};

/** The table body's top in page coordinates, kept current as content above it changes. */
function useOffsetTop(body: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const element = body.current;
      if (element) setTop(element.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    // What sits above the table (a notice, the toolbar) changes the page's height with it.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [body]);
  return top;
}

/**
 * Window-scrolled virtualisation for the table's rows (TanStack Virtual): the page keeps its
 * own scroll, so the title, the New button and the search box stay where they always were. Only
 * the rows near the window are mounted, plus `pinned` ones (the focused row, the dragged row),
 * which must survive scrolling out of view. Unmounted runs of rows become spacer heights.
 */
export function useVirtualRows(count: number, pinned: readonly (number | null)[]) {
  const body = useRef<HTMLTableSectionElement>(null);
  const scrollMargin = useOffsetTop(body);
  const pinnedKey = pinned.join(',');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range));
      for (const index of pinnedKey.split(',')) {
        const value = Number(index);
        if (index !== '' && value >= 0 && value < range.count) indexes.add(value);
      }
      return [...indexes].sort((a, b) => a - b);
    },
    [pinnedKey],
  );
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: count <= RENDER_ALL_UP_TO ? count : OVERSCAN,
    scrollMargin,
    rangeExtractor,
  });

  const items = virtualizer.getVirtualItems();
  const rows: VirtualRow[] = [];
  let cursor = scrollMargin;
  for (const item of items) {
    rows.push({ index: item.index, gapBefore: Math.max(0, item.start - cursor) });
    cursor = item.end;
  }
  const gapAfter = Math.max(0, scrollMargin + virtualizer.getTotalSize() - cursor);

  const layout = useMemo<ListLayout>(
    () => ({
      count: () => virtualizer.options.count,
      startOf: (index) => virtualizer.measurementsCache[index]?.start ?? 0,
      sizeOf: (index) => virtualizer.measurementsCache[index]?.size ?? ESTIMATED_ROW_PX,
      indexAt: (y) => {
        const cache = virtualizer.measurementsCache;
        let low = 0;
        let high = cache.length - 1;
        while (low < high) {
          const middle = (low + high + 1) >> 1;
          if ((cache[middle]?.start ?? 0) <= y) low = middle;
          else high = middle - 1;
        }
        return Math.max(0, low);
      },
      scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    }),
    [virtualizer],
  );

  return { body, rows, gapAfter, measureRow: virtualizer.measureElement, layout };
}

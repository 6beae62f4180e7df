import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ListLayout } from '../reorder/reorderContext';

/** About two screens of rows: up to this many render in full; longer lists are virtualised. */
export const RENDER_ALL_UP_TO = 40;
/** Rows mounted beyond each edge of the window: enough that Tab always finds the next row. */
const OVERSCAN = 6;
/** A row's height before it has been measured (one line of text and 36 px buttons). */
const ESTIMATED_ROW_PX = 53;

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
 * The table's rows, windowed by TanStack Virtual against the page's own scroll (the title and the
 * search box stay where they are). Only rows near the window are mounted, plus `pinned` ones (the
 * focused row, the dragged row), which must survive scrolling out of view; short lists render
 * whole. Also hands out the list's layout, every row's place mounted or not, for the drag code.
 */
export function useWindowRows(count: number, pinned: readonly (number | null)[]) {
  const body = useRef<HTMLTableSectionElement>(null);
  const listTop = useOffsetTop(body);
  const pinnedKey = pinned.join(',');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes =
        range.count <= RENDER_ALL_UP_TO
          ? Array.from({ length: range.count }, (_, index) => index)
          : defaultRangeExtractor(range);
      const extra = pinnedKey
        .split(',')
        .map(Number)
        .filter((index) => pinnedKey !== '' && index >= 0 && index < range.count);
      return [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
    },
    [pinnedKey],
  );
  const virtualizer = useWindowVirtualizer<HTMLTableRowElement>({
    count,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    scrollMargin: listTop,
    rangeExtractor,
    // Rows follow a scroll in React's next render, not synchronously inside each scroll event:
    // during a drag's auto-scroll the main thread stays free for the scrolling itself.
    useFlushSync: false,
  });

  const layout = useMemo<ListLayout>(
    () => ({
      count: () => virtualizer.options.count,
      startOf: (index) => virtualizer.measurementsCache[index]?.start ?? 0,
      sizeOf: (index) => virtualizer.measurementsCache[index]?.size ?? ESTIMATED_ROW_PX,
      indexAt: (y) => virtualizer.getVirtualItemForOffset(y)?.index ?? 0,
      scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    }),
    [virtualizer],
  );

  // Spacers stand in for the rows not mounted, so the page keeps its full height.
  const items = virtualizer.getVirtualItems();
  const rows = items.map(({ index, start }, at) => ({
    index,
    gapBefore: start - (items[at - 1]?.end ?? listTop),
  }));
  const gapAfter = listTop + virtualizer.getTotalSize() - (items.at(-1)?.end ?? listTop);

  return { body, rows, gapAfter, measureRow: virtualizer.measureElement, layout };
}

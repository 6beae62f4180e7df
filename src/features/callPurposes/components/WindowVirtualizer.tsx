import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo } from 'react';
import type { ListLayout } from '../reorder/reorderContext';
import { ESTIMATED_ROW_PX, RENDER_ALL_UP_TO, type WindowVirtualizerProps } from './windowedRows';

/** Rows mounted beyond each edge of the window: enough that Tab always finds the next row. */
const OVERSCAN = 6;

/**
 * TanStack Virtual's `useWindowVirtualizer`, windowing the table's rows against the page's own
 * scroll. It renders nothing itself: it tells the table which rows to mount, so the table and
 * its rows stay mounted when this arrives (it is a chunk of its own, fetched after the first
 * screen of rows is painted). Short lists render whole; the pinned rows stay mounted when they
 * scroll out of view.
 */
export function WindowVirtualizer({
  count,
  pinned,
  scrollMargin,
  onWindow,
}: WindowVirtualizerProps) {
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes =
        range.count <= RENDER_ALL_UP_TO
          ? Array.from({ length: range.count }, (_, index) => index)
          : defaultRangeExtractor(range);
      const extra = pinned
        .split(',')
        .map(Number)
        .filter((index) => pinned !== '' && index >= 0 && index < range.count);
      return [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
    },
    [pinned],
  );
  const virtualizer = useWindowVirtualizer<HTMLTableRowElement>({
    count,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN,
    scrollMargin,
    rangeExtractor,
    // Rows follow a scroll in React's next render, not synchronously inside each scroll event:
    // during a drag's auto-scroll the main thread stays free for the scrolling itself.
    useFlushSync: false,
    // The window's size from the first render, so that render already has rows to mount.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });

  const layout = useMemo<ListLayout>(
    () => ({
      startOf: (index) => virtualizer.measurementsCache[index]?.start ?? 0,
      sizeOf: (index) => virtualizer.measurementsCache[index]?.size ?? ESTIMATED_ROW_PX,
      indexAt: (y) => virtualizer.getVirtualItemForOffset(y)?.index ?? 0,
      scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    }),
    [virtualizer],
  );

  const items = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize();
  // The table re-renders only when what it mounts, or where, has changed.
  const placed = `${totalSize}|${items.map(({ index, start, end }) => `${index}:${start}:${end}`).join()}`;
  useLayoutEffect(() => {
    // Until it knows the window, the virtualizer mounts nothing: the rows on screen stay.
    if (items.length === 0 && count > 0) return;
    onWindow({ items, totalSize, measure: virtualizer.measureElement, layout });
    // `placed` stands for `items` and `totalSize`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [placed, count, onWindow, virtualizer, layout]);
  return null;
}

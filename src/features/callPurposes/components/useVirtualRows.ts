import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type RefCallback,
  type RefObject,
} from 'react';
import type { ListLayout } from '../reorder/listLayout';
import {
  indexAt,
  rowCount,
  rowStarts,
  rowsToMount,
  scrollTargetFor,
  visibleRange,
  withGaps,
  type RowRange,
  type RowStarts,
  type WindowedRow,
} from './rowWindow';

/** About two screens of rows: up to this many render in full; longer lists are virtualised. */
export const RENDER_ALL_UP_TO = 40;
/** Rows mounted beyond each edge of the window: enough that Tab always finds the next row. */
const OVERSCAN = 6;
/** A row's height before it has been measured (one line of text and 36 px buttons). */
const ESTIMATED_ROW_PX = 53;

export type VirtualRow = WindowedRow;

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

/** The rows the window shows now, for a list `listTop` px down the page. */
function rangeInWindow(starts: RowStarts, listTop: number): RowRange {
  const count = rowCount(starts);
  if (count <= RENDER_ALL_UP_TO) return { first: 0, last: count - 1 };
  const top = window.scrollY - listTop;
  return visibleRange(starts, top, top + window.innerHeight, OVERSCAN);
}

function followWindow(onChange: () => void): () => void {
  window.addEventListener('scroll', onChange, { passive: true });
  window.addEventListener('resize', onChange);
  return () => {
    window.removeEventListener('scroll', onChange);
    window.removeEventListener('resize', onChange);
  };
}

/** Row heights as measured, by index: a ResizeObserver reports each mounted row's height. */
function useMeasuredHeights() {
  const [heights, setHeights] = useState<ReadonlyMap<number, number>>(() => new Map());
  const [observer] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) => {
          const seen = new Map<number, number>();
          for (const entry of entries) {
            const index = Number(entry.target.getAttribute('data-index'));
            const height = entry.borderBoxSize[0]?.blockSize ?? 0;
            if (entry.target.isConnected && Number.isInteger(index) && height > 0) {
              seen.set(index, height);
            }
          }
          setHeights((current) =>
            [...seen].every(([index, height]) => current.get(index) === height)
              ? current
              : new Map([...current, ...seen]),
          );
        }),
  );
  const measureRow = useCallback<RefCallback<HTMLTableRowElement>>(
    (row) => {
      if (row === null || observer === null) return;
      observer.observe(row);
      return () => observer.unobserve(row);
    },
    [observer],
  );
  return { heights, measureRow };
}

/**
 * Window-scrolled virtualisation for the table's rows: the page keeps its own scroll, so the
 * title, the New button and the search box stay where they always were. Only the rows near the
 * window are mounted, plus `pinned` ones (the focused row, the dragged row), which must survive
 * scrolling out of view. Unmounted runs of rows become spacer heights.
 *
 * Our own rather than TanStack Virtual's window virtualizer: that one is 9.6 KB gzip, a tenth of
 * the 105 KB every role's first page may weigh, for what this list needs in some 150 lines (row
 * heights measured by a ResizeObserver, prefix sums, a binary search; see `rowWindow.ts`).
 * Content that changes height above the window is left to the browser's scroll anchoring.
 */
export function useVirtualRows(count: number, pinned: readonly (number | null)[]) {
  const body = useRef<HTMLTableSectionElement>(null);
  const listTop = useOffsetTop(body);
  const { heights, measureRow } = useMeasuredHeights();
  const starts = useMemo(
    () => rowStarts(count, (index) => heights.get(index) ?? ESTIMATED_ROW_PX),
    [count, heights],
  );
  // The window is a store: a scroll or resize re-renders the table only when it changes which
  // rows show, and then at once (synchronously), so no blank space shows where rows belong.
  const first = useSyncExternalStore(followWindow, () => rangeInWindow(starts, listTop).first);
  const last = useSyncExternalStore(followWindow, () => rangeInWindow(starts, listTop).last);

  const { rows, gapAfter } = withGaps(rowsToMount({ first, last }, pinned, count), starts);

  const layout = useMemo<ListLayout>(
    () => ({
      count: () => rowCount(starts),
      startOf: (index) => listTop + (starts[index] ?? 0),
      sizeOf: (index) => heights.get(index) ?? ESTIMATED_ROW_PX,
      indexAt: (y) => indexAt(starts, y - listTop),
      scrollToIndex: (index) => {
        const top = listTop + (starts[index] ?? 0);
        const bottom = listTop + (starts[index + 1] ?? 0);
        const target = scrollTargetFor(
          top,
          bottom,
          window.scrollY,
          window.scrollY + window.innerHeight,
        );
        if (target !== null) window.scrollTo({ top: target });
      },
    }),
    [starts, listTop, heights],
  );

  return { body, rows, gapAfter, measureRow, layout };
}

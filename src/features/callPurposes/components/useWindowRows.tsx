import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
  type RefObject,
} from 'react';
import { afterNextPaint } from '../../../lib/afterPaint';
import { ESTIMATED_ROW_PX, type RowWindow, type WindowVirtualizerProps } from './windowedRows';

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

/** How many rows fill the first screen below `top`, with a few more for Tab. */
const firstScreen = (top: number) =>
  Math.ceil(Math.max(window.innerHeight - top, 0) / ESTIMATED_ROW_PX) + 6;

/**
 * The table's rows, windowed by TanStack Virtual against the page's own scroll (the title and the
 * search box stay where they are). Until the virtualizer's chunk arrives, which it does once the
 * first screen is painted, the rows that fill the first screen render on their own, with a spacer
 * for the rest; then `host` (the virtualizer, rendered beside the rows) decides, and the rows
 * already there stay mounted. Also hands out the list's layout, every row's place mounted or not,
 * for the drag code (null until the virtualizer is here).
 */
export function useWindowRows(count: number, pinned: readonly (number | null)[]) {
  const body = useRef<HTMLTableSectionElement>(null);
  const listTop = useOffsetTop(body);
  const [Host, setHost] = useState<ComponentType<WindowVirtualizerProps> | null>(null);
  const [rowWindow, setRowWindow] = useState<RowWindow | null>(null);
  const [unwindowed, setUnwindowed] = useState(false);

  useEffect(() => {
    if (Host !== null || unwindowed) return;
    let current = true;
    const cancel = afterNextPaint(() => {
      import('./WindowVirtualizer')
        .then((module) => current && setHost(() => module.WindowVirtualizer))
        // Without its chunk every row renders: slower on a long list, but all of it is there.
        .catch(() => current && setUnwindowed(true));
    });
    return () => {
      current = false;
      cancel();
    };
  }, [Host, unwindowed]);

  // Spacers stand in for the rows not mounted, so the page keeps its full height.
  let rows: { index: number; gapBefore: number }[];
  let gapAfter: number;
  if (rowWindow !== null) {
    const { totalSize } = rowWindow;
    // The list may have shrunk since the virtualizer last spoke; it answers before the paint.
    const items = rowWindow.items.filter((item) => item.index < count);
    rows = items.map(({ index, start }, at) => ({
      index,
      gapBefore: start - (items[at - 1]?.end ?? listTop),
    }));
    gapAfter = listTop + totalSize - (items.at(-1)?.end ?? listTop);
  } else {
    const shown = unwindowed ? count : Math.min(count, firstScreen(listTop));
    rows = Array.from({ length: shown }, (_, index) => ({ index, gapBefore: 0 }));
    gapAfter = (count - shown) * ESTIMATED_ROW_PX;
  }

  const host = Host && (
    <Host count={count} pinned={pinned.join(',')} scrollMargin={listTop} onWindow={setRowWindow} />
  );
  return {
    body,
    rows,
    gapAfter,
    measureRow: rowWindow?.measure,
    layout: rowWindow?.layout ?? null,
    host,
  };
}

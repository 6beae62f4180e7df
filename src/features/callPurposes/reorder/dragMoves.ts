import type { ListLayout } from './reorderContext';

/** Page Up and Page Down move a keyboard-dragged row this many places. */
export const PAGE_STEP = 10;

/**
 * Where a keyboard-dragged row goes for the key `code` (a `KeyboardEvent.code`), from `overIndex`
 * in a list of `count`: arrows one place, Page Up/Down ten, Home/End to the ends. Null for any
 * other key.
 */
export function keyboardTarget(code: string, overIndex: number, count: number): number | null {
  const last = count - 1;
  const targets: Record<string, number> = {
    ArrowUp: overIndex - 1,
    ArrowDown: overIndex + 1,
    PageUp: overIndex - PAGE_STEP,
    PageDown: overIndex + PAGE_STEP,
    Home: 0,
    End: last,
  };
  const target = targets[code];
  return target === undefined ? null : Math.max(0, Math.min(last, target));
}

type Dragged = { fromIndex: number; size: number };

/** How far from its own place a row is drawn when it would land at `overIndex` (snapped). */
export function snappedOffset(layout: ListLayout, drag: Dragged, overIndex: number): number {
  if (overIndex === drag.fromIndex) return 0;
  const from = layout.startOf(drag.fromIndex);
  return overIndex > drag.fromIndex
    ? layout.startOf(overIndex) + layout.sizeOf(overIndex) - drag.size - from
    : layout.startOf(overIndex) - from;
}

/** The index under the dragged row's centre when it is drawn `offset` px from its own place. */
export function pointerTarget(layout: ListLayout, drag: Dragged, offset: number): number {
  return layout.indexAt(layout.startOf(drag.fromIndex) + drag.size / 2 + offset);
}

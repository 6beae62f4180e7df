import { describe, expect, it } from 'vitest';
import { keyboardTarget, pointerTarget, snappedOffset } from './dragMoves';
import type { ListLayout } from './reorderContext';

/** 2,000 rows of 50 px from page offset 100, like the windowed table's layout. */
const layout: ListLayout = {
  startOf: (index) => 100 + index * 50,
  sizeOf: () => 50,
  indexAt: (y) => Math.max(0, Math.min(1999, Math.floor((y - 100) / 50))),
  scrollToIndex: () => undefined,
};

describe('keyboardTarget', () => {
  it('moves one place, ten places or to either end, within the list', () => {
    expect(keyboardTarget('ArrowDown', 0, 2000)).toBe(1);
    expect(keyboardTarget('ArrowUp', 0, 2000)).toBe(0);
    expect(keyboardTarget('PageDown', 1995, 2000)).toBe(1999);
    expect(keyboardTarget('PageUp', 25, 2000)).toBe(15);
    expect(keyboardTarget('End', 3, 2000)).toBe(1999);
    expect(keyboardTarget('Home', 1500, 2000)).toBe(0);
    expect(keyboardTarget('KeyA', 3, 2000)).toBeNull();
  });

  it('carries a row from the first place to the last of 2,000 by Page Down and arrows', () => {
    let index = 0;
    let presses = 0;
    while (index < 1999) {
      index = keyboardTarget(1999 - index >= 10 ? 'PageDown' : 'ArrowDown', index, 2000) ?? -1;
      presses += 1;
    }
    expect(presses).toBe(208);
  });
});

describe('snappedOffset and pointerTarget', () => {
  const drag = { fromIndex: 10, size: 50 };

  it('draws a keyboard-dragged row exactly in the place it would take, rows never mounted included', () => {
    expect(snappedOffset(layout, drag, 10)).toBe(0);
    expect(snappedOffset(layout, drag, 1999)).toBe(1989 * 50);
    expect(snappedOffset(layout, drag, 0)).toBe(-500);
  });

  it('finds the row under the dragged row’s centre', () => {
    expect(pointerTarget(layout, drag, 0)).toBe(10);
    expect(pointerTarget(layout, drag, 30)).toBe(11);
    expect(pointerTarget(layout, drag, -80)).toBe(8);
    expect(pointerTarget(layout, drag, 10 ** 6)).toBe(1999);
  });
});

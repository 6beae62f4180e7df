import { describe, expect, it } from 'vitest';
import {
  indexAt,
  rowCount,
  rowStarts,
  rowsToMount,
  scrollTargetFor,
  visibleRange,
  withGaps,
} from './rowWindow';

// Five rows: 50, 60, 50, 100 and 50 px tall.
const HEIGHTS = [50, 60, 50, 100, 50];
const starts = rowStarts(HEIGHTS.length, (index) => HEIGHTS[index] as number);

describe('rowStarts', () => {
  it('is the running total of the heights, ending with the list height', () => {
    expect([...starts]).toEqual([0, 50, 110, 160, 260, 310]);
    expect(rowCount(starts)).toBe(5);
  });

  it('is [0] for an empty list', () => {
    expect([...rowStarts(0, () => 53)]).toEqual([0]);
  });
});

describe('indexAt', () => {
  it.each([
    [0, 0],
    [49.9, 0],
    [50, 1],
    [159, 2],
    [160, 3],
    [259, 3],
    [309, 4],
  ])('offset %d is in row %d', (offset, index) => {
    expect(indexAt(starts, offset)).toBe(index);
  });

  it('clamps offsets above and below the list to its first and last rows', () => {
    expect(indexAt(starts, -500)).toBe(0);
    expect(indexAt(starts, 10_000)).toBe(4);
    expect(
      indexAt(
        rowStarts(0, () => 53),
        100,
      ),
    ).toBe(0);
  });
});

describe('visibleRange', () => {
  it('covers the rows the window overlaps', () => {
    // 100..200 overlaps row 1 (50..110), row 2 (110..160) and row 3 (160..260).
    expect(visibleRange(starts, 100, 200, 0)).toEqual({ first: 1, last: 3 });
    // A window ending exactly where a row starts does not show that row.
    expect(visibleRange(starts, 0, 110, 0)).toEqual({ first: 0, last: 1 });
  });

  it('widens by the overscan on each side, within the list', () => {
    expect(visibleRange(starts, 160, 200, 1)).toEqual({ first: 2, last: 4 });
    expect(visibleRange(starts, 0, 40, 3)).toEqual({ first: 0, last: 3 });
  });

  it('follows a long list of equal rows scrolled far down', () => {
    const long = rowStarts(2000, () => 53);
    // 53,000 px down, an 800 px window: rows 1000 to 1015, plus 6 each side.
    expect(visibleRange(long, 53_000, 53_800, 6)).toEqual({ first: 994, last: 1021 });
  });

  it('shows the first rows while the list is still below the window, the last past its end', () => {
    const long = rowStarts(100, () => 50);
    expect(visibleRange(long, -1000, -200, 2)).toEqual({ first: 0, last: 2 });
    expect(visibleRange(long, 9000, 9800, 2)).toEqual({ first: 97, last: 99 });
  });

  it('is empty for an empty list', () => {
    expect(
      visibleRange(
        rowStarts(0, () => 53),
        0,
        800,
        6,
      ),
    ).toEqual({ first: 0, last: -1 });
  });
});

describe('rowsToMount', () => {
  it('adds pinned rows outside the range, in order, once each', () => {
    expect(rowsToMount({ first: 10, last: 12 }, [50, 11, null, 3, 50], 100)).toEqual([
      3, 10, 11, 12, 50,
    ]);
  });

  it('drops pinned rows that are no longer in the list, and trims the range to it', () => {
    expect(rowsToMount({ first: 0, last: 39 }, [-1, 7, 120], 5)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('withGaps', () => {
  it('turns the unmounted runs into the space above the next mounted row and after the last', () => {
    expect(withGaps([1, 2, 4], starts)).toEqual({
      rows: [
        { index: 1, gapBefore: 50 },
        { index: 2, gapBefore: 0 },
        { index: 4, gapBefore: 100 },
      ],
      gapAfter: 0,
    });
    expect(withGaps([0], starts)).toEqual({ rows: [{ index: 0, gapBefore: 0 }], gapAfter: 260 });
  });

  it('keeps the whole height when every row is mounted or none is', () => {
    const all = withGaps([0, 1, 2, 3, 4], starts);
    expect(all.rows.every((row) => row.gapBefore === 0)).toBe(true);
    expect(all.gapAfter).toBe(0);
    expect(withGaps([], starts)).toEqual({ rows: [], gapAfter: 310 });
  });
});

describe('scrollTargetFor', () => {
  it('scrolls a row below the window up to its bottom edge, one above down to its top', () => {
    expect(scrollTargetFor(900, 950, 0, 800)).toBe(150);
    expect(scrollTargetFor(100, 150, 400, 1200)).toBe(100);
  });

  it('leaves a row already in the window where it is', () => {
    expect(scrollTargetFor(400, 450, 400, 1200)).toBeNull();
    expect(scrollTargetFor(1150, 1200, 400, 1200)).toBeNull();
  });
});

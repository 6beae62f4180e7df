import { describe, expect, it } from 'vitest';
import { sortForDisplay } from './displayOrder';

describe('sortForDisplay', () => {
  it('sorts by order ascending, nulls last, then by id', () => {
    const purposes = [
      { id: 4, order: null },
      { id: 3, order: 20 },
      { id: 2, order: 10 },
      { id: 1, order: 20 },
      { id: 5, order: -3 },
      { id: 0, order: null },
    ];
    expect(sortForDisplay(purposes).map((p) => p.id)).toEqual([5, 2, 1, 3, 0, 4]);
  });

  it('leaves its input untouched', () => {
    const purposes = [
      { id: 2, order: 2 },
      { id: 1, order: 1 },
    ];
    sortForDisplay(purposes);
    expect(purposes.map((p) => p.id)).toEqual([2, 1]);
  });
});

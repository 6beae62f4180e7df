import { describe, expect, it } from 'vitest';
import { compareSnapshots, describeChanges, hasChanges } from './listChanges';

const row = (id: number, name: string, order: number | null, updatedAt = 't0') => ({
  id,
  name,
  order,
  updatedAt,
});

describe('compareSnapshots', () => {
  it('finds added, changed (renamed, moved or touched) and removed rows', () => {
    const before = [row(1, 'A', 10), row(2, 'B', 20), row(3, 'C', 30), row(4, 'D', 40)];
    const after = [
      row(1, 'A', 10),
      row(2, 'B2', 20),
      row(3, 'C', 5),
      row(5, 'E', 50),
      row(4, 'D', 40, 't1'),
    ];
    expect(compareSnapshots(before, after)).toEqual({
      added: [5],
      changed: [2, 3, 4],
      removed: [],
    });
    expect(compareSnapshots(after, before)).toEqual({
      added: [],
      changed: [2, 3, 4],
      removed: [5],
    });
  });

  it('finds nothing between equal lists, whatever their order', () => {
    const list = [row(1, 'A', 10), row(2, 'B', 20)];
    expect(hasChanges(compareSnapshots(list, [...list].reverse()))).toBe(false);
  });
});

describe('describeChanges', () => {
  it('says what changed in one polite sentence', () => {
    expect(describeChanges({ added: [9], changed: [1, 2], removed: [] })).toBe(
      '2 purposes changed, 1 added',
    );
    expect(describeChanges({ added: [9], changed: [], removed: [3, 4] })).toBe(
      '1 purpose added, 2 removed',
    );
    expect(describeChanges({ added: [], changed: [], removed: [] })).toBeNull();
  });
});

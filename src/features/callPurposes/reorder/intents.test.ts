import { describe, expect, it } from 'vitest';
import type { CallPurpose } from '../types';
import { isInNameOrder, moveIntent, sortByNameIntent } from './intents';

function purpose(id: number, name: string, order: number | null): CallPurpose {
  return {
    id,
    name,
    order,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    creatorId: 1,
    creatorName: 'Alex Morgan',
    canWrite: true,
    canDelete: true,
  };
}

const items = [
  purpose(1, 'Initial Contact', 10),
  purpose(2, 'follow up', 20),
  purpose(3, 'Demo 10', 30),
  purpose(4, 'Demo 9', 40),
  purpose(5, 'Check-in', null),
];

describe('reorder intents', () => {
  it('moves one purpose to an index of the list as it stands', () => {
    expect(moveIntent(items[3] as CallPurpose, 1).sequenceFor(items)).toEqual([1, 4, 2, 3, 5]);
    expect(moveIntent({ id: 99, name: 'Gone' }, 1).sequenceFor(items)).toBeNull();
  });

  it('moves to the top and to the bottom', () => {
    const demo = items[2] as CallPurpose;
    expect(moveIntent(demo, 'top').sequenceFor(items)).toEqual([3, 1, 2, 4, 5]);
    expect(moveIntent(demo, 'bottom').sequenceFor(items)).toEqual([1, 2, 4, 5, 3]);
    expect(moveIntent(demo, 'top').cannot).toBe("Can't move Demo 10 to the top");
  });

  it('sorts by name the way people read: ignoring case, numbers by value', () => {
    expect(sortByNameIntent().sequenceFor(items)).toEqual([5, 4, 3, 2, 1]);
  });

  it('plans against the order it finds, not the one it was created with', () => {
    const intent = moveIntent(items[0] as CallPurpose, 2);
    const reordered = [items[4], items[3], items[2], items[1], items[0]].map((item, index) => ({
      ...(item as CallPurpose),
      order: (index + 1) * 10,
    }));
    expect(intent.sequenceFor(reordered)).toEqual([5, 4, 1, 3, 2]);
  });

  it('tells whether the list already shows in A–Z order, whatever order the array is in', () => {
    const sorted = [purpose(7, 'apple', 1), purpose(3, 'Banana', 2), purpose(9, 'banana', null)];
    expect(isInNameOrder(sorted)).toBe(true);
    expect(isInNameOrder([...sorted].reverse())).toBe(true);
    expect(isInNameOrder(items)).toBe(false);
    // Same name: the lower id first, as the sort itself breaks the tie.
    expect(isInNameOrder([purpose(9, 'Demo', 1), purpose(3, 'demo', 2)])).toBe(false);
    expect(isInNameOrder([purpose(3, 'Demo', 1), purpose(9, 'demo', 2)])).toBe(true);
    expect(isInNameOrder([])).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ORDER,
  TAIL_STEP,
  applyOrders,
  displaySequence,
  moveId,
  planReorder,
  type PlanInput,
  type PlanItem,
  type PlanResult,
} from './planReorder';
import { mulberry32, planProblems } from './planReorder.testing';

/** Purposes with ids 1..n carrying the given orders; `locked` lists the ids the user may not write. */
function purposes(orders: readonly (number | null)[], locked: readonly number[] = []): PlanItem[] {
  return orders.map((order, index) => ({
    id: index + 1,
    order,
    canWrite: !locked.includes(index + 1),
  }));
}

function plan(items: PlanItem[], sequence: number[]): PlanResult {
  const input: PlanInput = { items, sequence };
  const result = planReorder(input);
  expect(planProblems(input, result)).toEqual([]);
  return result;
}

function patchesOf(result: PlanResult) {
  if (!result.ok)
    throw new Error(`expected a plan, got ${result.reason} (${result.blockingIds.join(', ')})`);
  return result.patches;
}

function move(items: PlanItem[], id: number, toIndex: number): PlanResult {
  return plan(items, moveId(displaySequence(items), id, toIndex));
}

const tens = purposes([10, 20, 30, 40, 50, 60, 70, 80]);
const contiguous = purposes([1, 2, 3, 4, 5, 6, 7, 8]);

describe('planReorder: moves with room', () => {
  it('sends nothing when the sequence is already the display order', () => {
    expect(patchesOf(plan(tens, displaySequence(tens)))).toEqual([]);
  });

  it('writes only the moved purpose when it lands in a gap, halfway between its neighbours', () => {
    expect(patchesOf(move(tens, 1, 4))).toEqual([{ id: 1, order: 55 }]);
    expect(patchesOf(move(tens, 7, 2))).toEqual([{ id: 7, order: 25 }]);
  });

  it('moves to the top halfway between 0 and the first order', () => {
    expect(patchesOf(move(tens, 5, 0))).toEqual([{ id: 5, order: 5 }]);
  });

  it('moves to the bottom one tail step past the last order', () => {
    expect(patchesOf(move(tens, 2, 7))).toEqual([{ id: 2, order: 80 + TAIL_STEP }]);
  });

  it('reports the order of every purpose, moved or not', () => {
    const result = move(tens, 1, 4);
    if (!result.ok) throw new Error(`${result.reason} (${result.blockingIds.join(', ')})`);
    expect([...result.orders]).toEqual([
      [2, 20],
      [3, 30],
      [4, 40],
      [5, 50],
      [1, 55],
      [6, 60],
      [7, 70],
      [8, 80],
    ]);
  });
});

describe('planReorder: adjacent orders 1..n', () => {
  it('renumbers exactly the moved span when that is cheapest', () => {
    // 6 moves up to third place: 3, 4, 5 must make room, and 1..7 leave no gap elsewhere.
    expect(patchesOf(move(contiguous, 6, 2))).toEqual([
      { id: 6, order: 3 },
      { id: 3, order: 4 },
      { id: 4, order: 5 },
      { id: 5, order: 6 },
    ]);
  });

  it('renumbers the open-ended tail instead when that touches fewer purposes', () => {
    // 3 moves down three places; the span would cost 4, the tail 6, 7, 8 after it costs 3.
    const patches = patchesOf(move(contiguous, 3, 5));
    expect(patches).toEqual([
      { id: 3, order: 6 + TAIL_STEP },
      { id: 7, order: 6 + 2 * TAIL_STEP },
      { id: 8, order: 6 + 3 * TAIL_STEP },
    ]);
  });

  it('swapping the first two writes both, as no integer lies below 1', () => {
    expect(patchesOf(move(contiguous, 2, 0))).toEqual([
      { id: 2, order: 1 },
      { id: 1, order: 2 },
    ]);
  });
});

describe('planReorder: purposes the user may not write', () => {
  it('routes around a locked purpose inside the moved span', () => {
    const items = purposes([1, 2, 3, 4, 5], [3]);
    const patches = patchesOf(move(items, 1, 3));
    expect(patches.map((patch) => patch.id)).not.toContain(3);
    expect(patches).toHaveLength(2);
  });

  it('moves a writable purpose above locked ones when there is room below them', () => {
    const items = purposes([10, 20, 30, 40], [1, 2]);
    expect(patchesOf(move(items, 4, 0))).toEqual([{ id: 4, order: 5 }]);
  });

  it('refuses to swap two locked purposes, naming them', () => {
    const result = plan(purposes([10, 20, 30], [1, 2]), [2, 1, 3]);
    expect(result).toMatchObject({ ok: false, reason: 'locked', blockingIds: [2, 1] });
  });

  it('names only the locked purposes that are out of order', () => {
    const result = plan(purposes([10, 20, 30, 40], [1, 2, 4]), [1, 4, 3, 2]);
    expect(result).toMatchObject({ ok: false, reason: 'locked', blockingIds: [4, 2] });
  });

  it('refuses to give a locked unordered purpose a value', () => {
    const result = plan(purposes([10, null, 30], [2]), [1, 2, 3]);
    expect(result).toMatchObject({ ok: false, reason: 'locked', blockingIds: [2] });
  });

  it('refuses when locked purposes leave no integer between them', () => {
    const result = plan(purposes([1, 2, 3], [1, 2]), [1, 3, 2]);
    expect(result).toMatchObject({ ok: false, reason: 'noRoom', blockingIds: [1, 2] });
  });
});

describe('planReorder: null orders', () => {
  it('leaves trailing nulls null', () => {
    const result = plan(purposes([10, 20, null, null]), [2, 1, 3, 4]);
    expect(patchesOf(result)).toHaveLength(1);
    if (result.ok) {
      expect(result.orders.get(3)).toBeNull();
      expect(result.orders.get(4)).toBeNull();
    }
  });

  it('gives a value to a null that is not at the end', () => {
    expect(patchesOf(plan(purposes([10, null, 30]), [1, 2, 3]))).toEqual([{ id: 2, order: 20 }]);
  });

  it('orders trailing nulls that are not in id order, since nulls display by id', () => {
    const result = plan(purposes([10, 20, null, null]), [1, 2, 4, 3]);
    expect(patchesOf(result)).toEqual([{ id: 4, order: 20 + TAIL_STEP }]);
    if (result.ok) expect(result.orders.get(3)).toBeNull();
  });

  it('numbers only what must move in a list with no orders at all', () => {
    // 1 and 2 may stay null after 3, being in id order; in 3, 2, 1 only 1 may.
    expect(patchesOf(plan(purposes([null, null, null]), [3, 1, 2]))).toEqual([
      { id: 3, order: TAIL_STEP },
    ]);
    expect(patchesOf(plan(purposes([null, null, null]), [3, 2, 1]))).toEqual([
      { id: 3, order: TAIL_STEP },
      { id: 2, order: 2 * TAIL_STEP },
    ]);
  });
});

describe('planReorder: duplicated orders', () => {
  it('keeps one of a run of equal orders and spreads the rest', () => {
    const patches = patchesOf(plan(purposes([10, 10, 10, 10]), [1, 2, 3, 4]));
    expect(patches.map((patch) => patch.id)).toEqual([2, 3, 4]);
  });

  it('keeps both sides of a duplicate when a gap can take one of them', () => {
    expect(patchesOf(plan(purposes([10, 20, 20, 30]), [1, 2, 3, 4]))).toHaveLength(1);
  });
});

describe('planReorder: the ends of the integer range', () => {
  it('goes below the smallest order only as far as 1', () => {
    const items = purposes([2, 3, 4]);
    expect(patchesOf(move(items, 3, 0))).toEqual([{ id: 3, order: 1 }]);
  });

  it('shortens the tail step near the largest order and never passes it', () => {
    const items = purposes([MAX_ORDER - 30, MAX_ORDER - 20, MAX_ORDER - 10]);
    const patches = patchesOf(move(items, 1, 2));
    expect(patches).toEqual([{ id: 1, order: MAX_ORDER }]);
  });

  it('uses the room below when the top is full', () => {
    const items = purposes([MAX_ORDER - 1, MAX_ORDER]);
    expect(patchesOf(plan(items, [2, 1]))).toEqual([{ id: 2, order: 1073741823 }]);
  });

  it('has no room above a locked purpose at the largest order', () => {
    const result = plan(purposes([10, MAX_ORDER], [2]), [2, 1]);
    expect(result).toMatchObject({ ok: false, reason: 'noRoom', blockingIds: [2] });
  });

  it('has no room below a locked purpose at order 1', () => {
    const result = plan(purposes([1, 5], [1]), [2, 1]);
    expect(result).toMatchObject({ ok: false, reason: 'noRoom', blockingIds: [1] });
  });

  it('replaces orders outside 1..2147483647', () => {
    const patches = patchesOf(plan(purposes([0, 10, MAX_ORDER + 5]), [1, 2, 3]));
    expect(patches.map((patch) => patch.id)).toEqual([1, 3]);
  });
});

describe('planReorder: invalid input', () => {
  it.each([
    ['a missing id', [1, 2]],
    ['an unknown id', [1, 2, 3, 9]],
    ['a repeated id', [1, 2, 2]],
  ])('rejects a sequence with %s', (_, sequence) => {
    const result = plan(purposes([10, 20, 30]), sequence);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('rejects items that share an id', () => {
    const items = [...purposes([10, 20]), { id: 1, order: 30, canWrite: true }];
    expect(plan(items, [1, 2])).toMatchObject({
      ok: false,
      reason: 'invalid',
      blockingIds: [1],
    });
  });

  it('has an oracle that catches a refusal naming the wrong purposes', () => {
    const input = { items: purposes([10, 20, 30], [1]), sequence: [3, 2, 1] };
    const refusal = (reason: 'locked' | 'invalid', blockingIds: number[]): PlanResult => ({
      ok: false,
      reason,
      blockingIds,
    });
    expect(planProblems(input, refusal('locked', [1]))).toEqual([]);
    expect(planProblems(input, refusal('locked', [2]))).toEqual([
      'locked refusal names id 2, which is writable',
    ]);
    expect(planProblems(input, refusal('locked', []))).toEqual([
      'a locked refusal naming no purpose',
    ]);
    expect(planProblems(input, refusal('invalid', [1]))).toEqual([
      'a valid sequence refused as invalid',
      'invalid refusal names id 1, which is fine',
    ]);
  });

  it('plans nothing for an empty list', () => {
    expect(planReorder({ items: [], sequence: [] })).toEqual({
      ok: true,
      patches: [],
      orders: new Map(),
    });
  });
});

describe('helpers', () => {
  it('displaySequence sorts by order, nulls last, then id', () => {
    const items = [
      { id: 5, order: null },
      { id: 2, order: 20 },
      { id: 4, order: 10 },
      { id: 1, order: 20 },
      { id: 3, order: null },
    ];
    expect(displaySequence(items)).toEqual([4, 1, 2, 3, 5]);
  });

  it('moveId moves up, down, and clamps the target index', () => {
    expect(moveId([1, 2, 3, 4], 4, 1)).toEqual([1, 4, 2, 3]);
    expect(moveId([1, 2, 3, 4], 1, 2)).toEqual([2, 3, 1, 4]);
    expect(moveId([1, 2, 3, 4], 2, 99)).toEqual([1, 3, 4, 2]);
    expect(moveId([1, 2, 3, 4], 3, -1)).toEqual([3, 1, 2, 4]);
    expect(moveId([1, 2, 3], 9, 0)).toEqual([1, 2, 3]);
  });

  it('applyOrders returns the items with their planned orders, in the new sequence', () => {
    const items = tens.map((item) => ({ ...item, name: `Purpose ${item.id}` }));
    const sequence = moveId(displaySequence(items), 8, 0);
    const result = planReorder({ items, sequence });
    if (!result.ok) throw new Error(`${result.reason} (${result.blockingIds.join(', ')})`);
    const shown = applyOrders(items, result.orders);
    expect(shown.map((item) => item.id)).toEqual(sequence);
    expect(shown[0]).toEqual({ id: 8, order: 5, canWrite: true, name: 'Purpose 8' });
    expect(shown[1]).toBe(items[0]);
  });
});

// Lists as big as an account may hold: varied spacing, duplicates, nulls and locked purposes,
// reordered by one move or shuffled outright. Only the rules are checked here; minimality is
// proved against brute force in planReorder.property.test.ts.
const bigList = fc
  .record({
    size: fc.integer({ min: 0, max: 2000 }),
    spacing: fc.constantFrom(1, 2, 10, 1000),
    nullRate: fc.constantFrom(0, 0.02, 0.3),
    lockedRate: fc.constantFrom(0, 0.01, 0.2),
    duplicateRate: fc.constantFrom(0, 0.1),
    nearTop: fc.boolean(),
    shuffle: fc.boolean(),
    seed: fc.integer(),
  })
  .map((shape) => {
    const random = mulberry32(shape.seed);
    const base = shape.nearTop ? MAX_ORDER - shape.size * shape.spacing : 0;
    const items: PlanItem[] = [];
    for (let index = 0; index < shape.size; index += 1) {
      const previous = items[index - 1]?.order ?? null;
      const duplicate = previous !== null && random() < shape.duplicateRate;
      const order = random() < shape.nullRate ? null : base + (index + 1) * shape.spacing;
      items.push({
        id: index + 1,
        order: duplicate ? previous : order,
        canWrite: random() >= shape.lockedRate,
      });
    }
    const shown = displaySequence(items);
    let sequence = shown;
    if (shape.shuffle) {
      sequence = [...shown];
      for (let index = sequence.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1));
        [sequence[index], sequence[other]] = [sequence[other] ?? 0, sequence[index] ?? 0];
      }
    } else if (shown.length > 0) {
      const id = shown[Math.floor(random() * shown.length)] ?? 0;
      sequence = moveId(shown, id, Math.floor(random() * shown.length));
    }
    return { items, sequence };
  });

describe('planReorder on lists of up to 2,000 purposes', () => {
  it('always yields a sound plan or a reason naming locked purposes', () => {
    fc.assert(
      fc.property(bigList, (input) => {
        const result = planReorder(input);
        expect(planProblems(input, result)).toEqual([]);
        if (!result.ok) {
          expect(['locked', 'noRoom']).toContain(result.reason);
          const locked = new Set(input.items.filter((item) => !item.canWrite).map((i) => i.id));
          expect(result.blockingIds.every((id) => locked.has(id))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('plans a move with nothing locked, on fully spaced orders, with one write', () => {
    const items = purposes(Array.from({ length: 2000 }, (_, index) => (index + 1) * 10));
    expect(patchesOf(move(items, 1500, 3))).toEqual([{ id: 1500, order: 35 }]);
  });
});

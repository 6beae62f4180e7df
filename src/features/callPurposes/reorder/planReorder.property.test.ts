import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ORDER, displaySequence, moveId, planReorder, type PlanItem } from './planReorder';
import { bruteForceMostKept, planProblems } from './planReorder.testing';

// Small value ranges make room scarce, so the planner has real choices to get wrong: orders
// 1..30 for up to 9 purposes, some jammed against MAX_ORDER, nulls, the odd out-of-range value.
const order = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: MAX_ORDER - 12, max: MAX_ORDER }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -4, MAX_ORDER + 1) },
);

const smallList = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 9 })
  .chain((ids) =>
    fc.tuple(
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(id),
            order,
            canWrite: fc.integer({ min: 0, max: 3 }).map((roll) => roll !== 0),
          }),
        ),
      ),
      fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
      fc.nat(),
      fc.nat(),
      fc.boolean(),
    ),
  )
  .map(([items, shuffled, from, to, singleMove]) => {
    const list: PlanItem[] = items;
    // Half the cases are what the UI sends most: one purpose dragged somewhere else.
    const shown = displaySequence(list);
    const moved = shown[from % Math.max(1, shown.length)];
    const sequence =
      singleMove && moved !== undefined ? moveId(shown, moved, to % shown.length) : shuffled;
    return { items: list, sequence };
  });

describe('planReorder minimality', () => {
  it('patches exactly the purposes a brute-force search must change, or agrees it cannot be done', () => {
    fc.assert(
      fc.property(smallList, (input) => {
        const result = planReorder(input);
        const mostKept = bruteForceMostKept(input);
        expect(planProblems(input, result)).toEqual([]);
        if (mostKept === null) {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(['locked', 'noRoom']).toContain(result.reason);
            expect(result.blockingIds.length).toBeGreaterThan(0);
            const locked = new Set(input.items.filter((i) => !i.canWrite).map((i) => i.id));
            for (const id of result.blockingIds) expect(locked.has(id)).toBe(true);
          }
        } else {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.patches.length).toBe(input.items.length - mostKept);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

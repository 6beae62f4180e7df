/**
 * Test oracles for planReorder, kept apart from the planner so the tests judge it by rules
 * written independently of its dynamic programme: `planProblems` checks a plan against the
 * rules one by one, `bruteForceMostKept` finds the optimum by trying every subset.
 */
import {
  MAX_ORDER,
  MIN_ORDER,
  displaySequence,
  type PlanInput,
  type PlanItem,
  type PlanResult,
} from './planReorder';

/** The ids that keep `sequence` from being a permutation of the items' ids (empty if it is one). */
function offendingIds(input: PlanInput): Set<number> {
  const itemCounts = new Map<number, number>();
  for (const item of input.items) itemCounts.set(item.id, (itemCounts.get(item.id) ?? 0) + 1);
  const sequenceCounts = new Map<number, number>();
  for (const id of input.sequence) sequenceCounts.set(id, (sequenceCounts.get(id) ?? 0) + 1);
  const offending = new Set<number>();
  for (const id of new Set([...itemCounts.keys(), ...sequenceCounts.keys()])) {
    if (itemCounts.get(id) !== 1 || sequenceCounts.get(id) !== 1) offending.add(id);
  }
  return offending;
}

/**
 * Every way a refusal breaks the rules: it must say why, name at least one purpose, each once,
 * and name the right ones — ids that break the permutation for 'invalid', purposes the user may
 * not write for 'locked' and 'noRoom' (which only a valid sequence may get).
 */
function failedPlanProblems(
  input: PlanInput,
  result: Extract<PlanResult, { ok: false }>,
): string[] {
  const problems: string[] = [];
  if (result.blockingIds.length === 0)
    problems.push(`a ${result.reason} refusal naming no purpose`);
  if (new Set(result.blockingIds).size !== result.blockingIds.length) {
    problems.push(`a refusal naming a purpose twice: ${result.blockingIds.join(', ')}`);
  }
  const offending = offendingIds(input);
  if (result.reason === 'invalid') {
    if (offending.size === 0) problems.push('a valid sequence refused as invalid');
    for (const id of result.blockingIds) {
      if (!offending.has(id)) problems.push(`invalid refusal names id ${id}, which is fine`);
    }
    return problems;
  }
  if (offending.size > 0) problems.push(`an invalid sequence refused as ${result.reason}`);
  const locked = new Set(input.items.filter((item) => !item.canWrite).map((item) => item.id));
  for (const id of result.blockingIds) {
    if (!locked.has(id))
      problems.push(`${result.reason} refusal names id ${id}, which is writable`);
  }
  return problems;
}

/** Every way the plan (or the refusal) breaks the rules, as readable strings (empty when sound). */
export function planProblems(input: PlanInput, result: PlanResult): string[] {
  if (!result.ok) return failedPlanProblems(input, result);
  const problems: string[] = [];
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const patched = new Map<number, number>();
  for (const patch of result.patches) {
    const item = byId.get(patch.id);
    if (item === undefined) problems.push(`patch for unknown id ${patch.id}`);
    else if (!item.canWrite) problems.push(`patch for locked id ${patch.id}`);
    else if (item.order === patch.order) problems.push(`patch that changes nothing: ${patch.id}`);
    if (patched.has(patch.id)) problems.push(`two patches for id ${patch.id}`);
    if (!Number.isInteger(patch.order) || patch.order < MIN_ORDER || patch.order > MAX_ORDER) {
      problems.push(`order out of range: ${patch.id} → ${patch.order}`);
    }
    patched.set(patch.id, patch.order);
  }
  if (result.orders.size !== input.items.length) problems.push('orders map has the wrong size');
  for (const item of input.items) {
    const expected = patched.get(item.id) ?? item.order;
    if (result.orders.get(item.id) !== expected) {
      problems.push(`orders map disagrees with the patches for id ${item.id}`);
    }
  }
  let previous = 0;
  let nullSeen = false;
  for (const id of input.sequence) {
    const order = result.orders.get(id) ?? null;
    if (order === null) {
      nullSeen = true;
      continue;
    }
    if (nullSeen) problems.push(`id ${id} has an order after a null`);
    if (order <= previous) problems.push(`order does not increase at id ${id}`);
    previous = order;
  }
  const applied = input.items.map((item) => ({
    id: item.id,
    order: patched.get(item.id) ?? item.order,
  }));
  if (displaySequence(applied).join() !== input.sequence.join()) {
    problems.push('the result does not display in the requested sequence');
  }
  return problems;
}

/**
 * Can the purposes marked `keep` hold their current value while the others get new ones?
 * Built directly: walk the sequence giving each changed purpose the smallest integer that
 * works (smallest is never worse for what follows), and fail when a rule breaks.
 */
function keepable(sequenceItems: readonly PlanItem[], keep: readonly boolean[]): boolean {
  let previous = 0;
  let lastNullId: number | null = null;
  for (const [position, item] of sequenceItems.entries()) {
    const kept = keep[position] === true;
    if (!kept && !item.canWrite) return false;
    if (kept && item.order === null) {
      // A null stays null only at the end, and nulls display by id.
      if (lastNullId !== null && item.id < lastNullId) return false;
      lastNullId = item.id;
      continue;
    }
    if (lastNullId !== null) return false;
    const order = kept ? item.order : previous + 1;
    if (order === null || !Number.isInteger(order)) return false;
    if (order < MIN_ORDER || order > MAX_ORDER || order <= previous) return false;
    previous = order;
  }
  return true;
}

/** The most purposes any valid plan keeps unchanged, or null when no plan exists. */
export function bruteForceMostKept(input: PlanInput): number | null {
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const sequenceItems = input.sequence.map((id) => {
    const item = byId.get(id);
    if (item === undefined) throw new Error(`unknown id ${id}`);
    return item;
  });
  let best: number | null = null;
  for (let mask = 0; mask < 1 << sequenceItems.length; mask += 1) {
    const keep = sequenceItems.map((_, position) => (mask & (1 << position)) !== 0);
    const size = keep.filter(Boolean).length;
    if ((best === null || size > best) && keepable(sequenceItems, keep)) best = size;
  }
  return best;
}

/** mulberry32: a small seeded PRNG, so random lists and moves are repeatable run to run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

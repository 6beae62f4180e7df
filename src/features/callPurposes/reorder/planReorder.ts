/**
 * Reorder planning: turns the display sequence a user asked for into the fewest `order` PATCHes.
 *
 * Outreach has no bulk reorder and rate-limits every user, so each changed purpose costs one
 * request. This module is pure (no React, no I/O) so it can be proved minimal by brute force.
 *
 * `planReorder` answers the `{ id, order }` PATCHes to send (only values that change) and every
 * id's order once they land, or why it cannot: 'locked' (a purpose the user may not write would
 * have to change), 'noRoom' (the kept values leave no integer for the purposes between them) or
 * 'invalid' (`sequence` is not a permutation of the ids); `blockingIds` names the culprits.
 *
 * The plan
 * - `order` strictly increases along the sequence, integers in MIN_ORDER..MAX_ORDER, except that
 *   a trailing run of purposes whose order is null stays null (nulls display last, by id, so
 *   that run must already be in ascending id order; any other null gets a value).
 * - A purpose the user cannot write is never patched.
 * - It keeps the largest possible set of purposes at their current value. Kept purposes at
 *   sequence positions i < j with values a < b leave room for the j − i − 1 purposes between
 *   them iff b − a ≥ j − i, i.e. iff (a − i) ≤ (b − j). So with w = order − position, a kept
 *   set is feasible iff w never decreases along it, counting a start sentinel (position −1,
 *   value 0) and an end sentinel (first position of the trailing nulls, value MAX_ORDER + 1).
 *   The largest such chain that includes every locked purpose is found by an O(n²) dynamic
 *   programme; among equally large chains it takes the one whose tightest gap is widest, so
 *   the new values are as far apart as they can be and later moves stay cheap.
 * - New values are spread evenly inside the gap they land in; after the last kept purpose,
 *   where room is unbounded, they step by TAIL_STEP (less only near MAX_ORDER).
 */

import { ORDER_MAX } from '../../../../shared/order';
import { compareForDisplay, sortForDisplay } from '../displayOrder';

/** The range a plan writes: the positive half of the 32-bit integer `order` is stored in. */
export const MIN_ORDER = 1;
export const MAX_ORDER = ORDER_MAX;
/** Spacing after the last kept purpose: wide enough for many later moves into the gaps. */
export const TAIL_STEP = 1000;

export interface PlanItem {
  readonly id: number;
  readonly order: number | null;
  readonly canWrite: boolean;
}

export interface PlanInput {
  /** Purposes with their current order, in any sequence. */
  readonly items: readonly PlanItem[];
  /** The desired display sequence: a permutation of the items' ids. */
  readonly sequence: readonly number[];
}

export interface OrderPatch {
  id: number;
  order: number;
}

export type PlanFailureReason = 'locked' | 'noRoom' | 'invalid';

export type PlanResult =
  | { ok: true; patches: OrderPatch[]; orders: Map<number, number | null> }
  | { ok: false; reason: PlanFailureReason; blockingIds: number[] };

type Ordered = { readonly id: number; readonly order: number | null };

/** Ids in display order: `order` ascending with nulls last, then id (the server's rule). */
export function displaySequence(items: readonly Ordered[]): number[] {
  return sortForDisplay(items).map((item) => item.id);
}

/**
 * A new sequence with `id` moved so that it ends at `toIndex` (clamped to the list), the
 * others keeping their relative order. An id not in the sequence leaves it unchanged.
 */
export function moveId(sequence: readonly number[], id: number, toIndex: number): number[] {
  const next = [...sequence];
  const from = next.indexOf(id);
  if (from === -1) return next;
  const to = Math.max(0, Math.min(next.length - 1, Math.trunc(toIndex)));
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** Copies of `items` carrying the orders a plan produced, sorted for display. */
export function applyOrders<T extends Ordered>(
  items: readonly T[],
  orders: ReadonlyMap<number, number | null>,
): T[] {
  return items
    .map((item) => {
      const order = orders.get(item.id);
      return order === undefined || order === item.order ? item : { ...item, order };
    })
    .sort(compareForDisplay);
}

/** One purpose that may keep its value, or one of the two sentinels bounding the range. */
interface ChainNode {
  readonly position: number;
  readonly value: number;
  /** Must be in the chain: a purpose the user cannot write, or a sentinel. */
  readonly mandatory: boolean;
  /** The purpose itself; null for a sentinel. */
  readonly item: PlanItem | null;
}

function isKeepable(order: number | null): order is number {
  return order !== null && Number.isInteger(order) && order >= MIN_ORDER && order <= MAX_ORDER;
}

/** A refusal, naming the purposes in the way. */
const refuse = (reason: PlanFailureReason, blockingIds: number[]): PlanResult => ({
  ok: false,
  reason,
  blockingIds,
});

/** The items in the requested sequence, or why it is not a permutation of their ids. */
function itemsInSequence(input: PlanInput): PlanItem[] | PlanResult {
  const byId = new Map<number, PlanItem>();
  const duplicated: number[] = [];
  for (const item of input.items) {
    if (byId.has(item.id)) duplicated.push(item.id);
    byId.set(item.id, item);
  }
  if (duplicated.length > 0) return refuse('invalid', duplicated);
  const seen = new Set<number>();
  const offending: number[] = [];
  for (const id of input.sequence) {
    if (!byId.has(id) || seen.has(id)) offending.push(id);
    seen.add(id);
  }
  for (const id of byId.keys()) if (!seen.has(id)) offending.push(id);
  if (offending.length > 0) return refuse('invalid', offending);
  return input.sequence.map((id) => byId.get(id) as PlanItem);
}

/**
 * The purposes that must keep their value have to be feasible on their own; if they are, the
 * dynamic programme always finds a chain. Checked first so the failure can name the culprits.
 */
function checkMandatory(
  sequenceItems: readonly PlanItem[],
  trailingNullsFrom: number,
  nodes: readonly ChainNode[],
): PlanResult | null {
  const unplaceable = sequenceItems
    .slice(0, trailingNullsFrom)
    .filter((item) => !item.canWrite && !isKeepable(item.order))
    .map((item) => item.id);
  if (unplaceable.length > 0) return refuse('locked', unplaceable);

  // Consecutive kept values must leave an integer for every purpose between them: the kept set
  // is feasible iff each pair does. Two locked purposes the wrong way round are named as locked.
  const mandatory = nodes.filter((node) => node.mandatory);
  const inverted = new Set<number>();
  const boxing = new Set<number>();
  for (let index = 1; index < mandatory.length; index += 1) {
    const before = mandatory[index - 1];
    const after = mandatory[index];
    if (before === undefined || after === undefined) continue;
    if (after.value - before.value >= after.position - before.position) continue;
    const culprits = after.value <= before.value ? inverted : boxing;
    if (before.item !== null) culprits.add(before.item.id);
    if (after.item !== null) culprits.add(after.item.id);
  }
  if (inverted.size > 0) return refuse('locked', [...inverted]);
  return boxing.size > 0 ? refuse('noRoom', [...boxing]) : null;
}

/** The step after the last kept purpose: TAIL_STEP, less only where MAX_ORDER is near. */
function tailStep(from: ChainNode, between: number): number {
  return Math.min(TAIL_STEP, Math.floor((MAX_ORDER - from.value) / between));
}

/** Smallest spacing the patched purposes between two kept nodes would get (wider is better). */
function gapSpacing(from: ChainNode, to: ChainNode, isEnd: boolean): number {
  const between = to.position - from.position - 1;
  if (between === 0) return Infinity;
  if (isEnd) return tailStep(from, between);
  return Math.floor((to.value - from.value) / (between + 1));
}

/** floor(a / b) for non-negative safe integers, exact even where the float quotient rounds up. */
function floorDiv(a: number, b: number): number {
  let quotient = Math.floor(a / b);
  if (quotient * b > a) quotient -= 1;
  else if ((quotient + 1) * b <= a) quotient += 1;
  return quotient;
}

/**
 * Where the trailing run of nulls that may stay null begins: nulls display last by id, so only
 * a run already in ascending id order shows in the requested sequence without being written.
 */
function trailingNullsStart(sequenceItems: readonly PlanItem[]): number {
  let from = sequenceItems.length;
  while (from > 0) {
    const item = sequenceItems[from - 1];
    const next = sequenceItems[from];
    if (item === undefined || item.order !== null) break;
    if (next !== undefined && next.id < item.id) break;
    from -= 1;
  }
  return from;
}

/** The candidates for keeping their value, between the start and end sentinels. */
function chainNodes(sequenceItems: readonly PlanItem[], trailingNullsFrom: number): ChainNode[] {
  const nodes: ChainNode[] = [{ position: -1, value: 0, mandatory: true, item: null }];
  sequenceItems.slice(0, trailingNullsFrom).forEach((item, position) => {
    if (isKeepable(item.order)) {
      nodes.push({ position, value: item.order, mandatory: !item.canWrite, item });
    }
  });
  nodes.push({ position: trailingNullsFrom, value: MAX_ORDER + 1, mandatory: true, item: null });
  return nodes;
}

/**
 * The dynamic programme: the feasible chain from sentinel to sentinel that keeps the most nodes,
 * and among those the one whose tightest gap is widest. best[j] is the most nodes in a feasible
 * chain from the start sentinel ending at node j, with the widest tightest gap among such chains.
 * A predecessor may not skip a mandatory node, so the scan back from j stops at the first
 * mandatory one. −1 marks a node no chain reaches. Only called once checkMandatory has passed,
 * so a chain always exists. Worst case O(n²); O(n·k) when the best chain drops k nodes.
 */
function widestLongestChain(nodes: readonly ChainNode[]): ChainNode[] {
  const last = nodes.length - 1;
  const kept = new Array<number>(nodes.length).fill(-1);
  const spacing = new Array<number>(nodes.length).fill(-Infinity);
  const parent = new Array<number>(nodes.length).fill(-1);
  kept[0] = 0;
  spacing[0] = Infinity;
  for (let j = 1; j <= last; j += 1) {
    const to = nodes[j];
    if (to === undefined) continue;
    const reach = to.value - to.position;
    let bestKept = -1;
    let bestSpacing = -Infinity;
    let bestParent = -1;
    for (let i = j - 1; i >= 0; i -= 1) {
      // No chain through nodes 0..i keeps more than i + 1 of them: once that cannot reach (or
      // tie) the best found, nothing further back can. A move that keeps most purposes where
      // they are thus looks back only a few nodes, and a drop on 2,000 purposes stays quick.
      if (i + 1 < bestKept) break;
      const from = nodes[i];
      if (from === undefined) break;
      const fromKept = kept[i] ?? -1;
      if (fromKept >= 0 && from.value - from.position <= reach) {
        const candidateKept = fromKept + 1;
        const candidateSpacing = Math.min(
          spacing[i] ?? -Infinity,
          gapSpacing(from, to, j === last),
        );
        if (
          candidateKept > bestKept ||
          (candidateKept === bestKept && candidateSpacing > bestSpacing)
        ) {
          bestKept = candidateKept;
          bestSpacing = candidateSpacing;
          bestParent = i;
        }
      }
      if (from.mandatory) break;
    }
    kept[j] = bestKept;
    spacing[j] = bestSpacing;
    parent[j] = bestParent;
  }

  const chain: ChainNode[] = [];
  for (let index = last; index >= 0; index = parent[index] ?? -1) {
    const node = nodes[index];
    if (node === undefined) break;
    chain.unshift(node);
  }
  return chain;
}

/**
 * New values for the purposes between consecutive kept nodes: spread evenly inside a gap,
 * stepping by TAIL_STEP after the last kept one. Only values that change become patches.
 */
function assignOrders(
  sequenceItems: readonly PlanItem[],
  chain: readonly ChainNode[],
): { patches: OrderPatch[]; orders: Map<number, number | null> } {
  const orders = new Map<number, number | null>();
  for (const item of sequenceItems) orders.set(item.id, item.order);
  const patches: OrderPatch[] = [];
  const assign = (position: number, order: number) => {
    const item = sequenceItems[position];
    if (item === undefined) return;
    orders.set(item.id, order);
    if (order !== item.order) patches.push({ id: item.id, order });
  };
  for (let index = 1; index < chain.length; index += 1) {
    const from = chain[index - 1];
    const to = chain[index];
    if (from === undefined || to === undefined) continue;
    const between = to.position - from.position - 1;
    if (between === 0) continue;
    if (index === chain.length - 1) {
      const step = tailStep(from, between);
      for (let t = 1; t <= between; t += 1) assign(from.position + t, from.value + step * t);
    } else {
      // from.value + round(width · t / (between + 1)), in exact integer arithmetic: the exact
      // values are ≥ 1 apart, so rounding keeps them distinct and strictly inside the gap.
      const width = to.value - from.value;
      const slots = between + 1;
      for (let t = 1; t <= between; t += 1) {
        assign(from.position + t, from.value + floorDiv(2 * width * t + slots, 2 * slots));
      }
    }
  }
  return { patches, orders };
}

export function planReorder(input: PlanInput): PlanResult {
  const sequenceItems = itemsInSequence(input);
  if (!Array.isArray(sequenceItems)) return sequenceItems;
  const trailingNullsFrom = trailingNullsStart(sequenceItems);
  const nodes = chainNodes(sequenceItems, trailingNullsFrom);
  const impossible = checkMandatory(sequenceItems, trailingNullsFrom, nodes);
  if (impossible !== null) return impossible;
  return { ok: true, ...assignOrders(sequenceItems, widestLongestChain(nodes)) };
}

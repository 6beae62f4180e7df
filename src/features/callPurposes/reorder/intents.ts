import { compareForDisplay } from '../displayOrder';
import type { CallPurpose } from '../types';
import { displaySequence, moveId } from './planReorder';

/** True when both list the same ids in the same order. */
export function sameSequence(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, index) => b[index] === id);
}

/**
 * Whether the server ended up with the order this user intended, judged only on the purposes
 * both lists hold: a purpose someone else created or deleted meanwhile is not a reorder.
 */
export function matchesIntended(intended: readonly number[], actual: readonly number[]): boolean {
  const inActual = new Set(actual);
  const inIntended = new Set(intended);
  return sameSequence(
    intended.filter((id) => inActual.has(id)),
    actual.filter((id) => inIntended.has(id)),
  );
}

/**
 * What a user asked for, as a function of the list: it is applied to the list as it stands when
 * its turn comes, so a move queued behind another lands where the user dropped it.
 */
export type ReorderIntent = {
  /** The refusal, naming the move: "Can't move Demo there". */
  cannot: string;
  /** The user's gesture, as a failure names it: "Couldn't save moving Demo". */
  what: string;
  /** The wanted display sequence, or null when the purpose is gone. */
  sequenceFor(items: readonly CallPurpose[]): number[] | null;
};

/** A drop at an index in the whole list, or "Move to top" or "to bottom" from the row's menu. */
export function moveIntent(
  purpose: Pick<CallPurpose, 'id' | 'name'>,
  to: number | 'top' | 'bottom',
): ReorderIntent {
  const toIndex = to === 'top' ? 0 : to === 'bottom' ? Number.MAX_SAFE_INTEGER : to;
  const where = typeof to === 'number' ? '' : ` to the ${to}`;
  return {
    cannot: `Can't move ${purpose.name}${where || ' there'}`,
    what: `moving ${purpose.name}${where}`,
    sequenceFor: (items) =>
      items.some((item) => item.id === purpose.id)
        ? moveId(displaySequence(items), purpose.id, toIndex)
        : null,
  };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: CallPurpose, b: CallPurpose) => collator.compare(a.name, b.name) || a.id - b.id;

export function sortByNameIntent(): ReorderIntent {
  return {
    cannot: "Can't sort A–Z",
    what: 'the A–Z order',
    sequenceFor: (items) => [...items].sort(byName).map((p) => p.id),
  };
}

/**
 * Whether the list already shows in the order Sort A–Z would give. One pass over neighbours when
 * `items` come in display order (as the list holds them), so a render on 2,000 purposes does not
 * sort them all by name; any other sequence is sorted and compared.
 */
export function isInNameOrder(items: readonly CallPurpose[]): boolean {
  const pairs = items.slice(1).map((item, index) => [items[index] as CallPurpose, item] as const);
  if (pairs.every(([before, after]) => compareForDisplay(before, after) < 0)) {
    return pairs.every(([before, after]) => byName(before, after) < 0);
  }
  const sequence = sortByNameIntent().sequenceFor(items) ?? [];
  return displaySequence(items).every((id, index) => sequence[index] === id);
}

/** A reorder as remembered: the sequence before it and the one the user asked for. */
export type RememberedReorder = {
  readonly before: readonly number[];
  readonly intended: readonly number[];
  /** Names as the user knew them, to name a purpose deleted meanwhile. */
  readonly names: ReadonlyMap<number, string>;
  /** The user's gesture, as the messages name it: "moving Check-in". */
  readonly what: string;
  /** An Undo: `intended` is the order before the gesture, and its way back is a Redo. */
  readonly undone: boolean;
};

/**
 * Retry and Undo: reach a whole remembered sequence from whatever the server holds by then, so
 * they end on that sequence whichever writes of the first attempt landed.
 */
export type RestoreIntent = ReorderIntent & {
  /** The sequence to reach. */
  readonly target: readonly number[];
  /** What this reorder is remembered as once it runs: Undo then goes back to `before`. */
  readonly remembers: RememberedReorder;
};

export function isRestoreIntent(intent: ReorderIntent): intent is RestoreIntent {
  return 'target' in intent;
}

/**
 * `target` applied to the current ids: null when a purpose in it is gone; a purpose created
 * meanwhile keeps its place after the purpose it follows now.
 */
export function restoredSequence(
  target: readonly number[],
  current: readonly number[],
): number[] | null {
  const inTarget = new Set(target);
  const inCurrent = new Set(current);
  if (target.some((id) => !inCurrent.has(id))) return null;
  const newcomersAfter = new Map<number | null, number[]>();
  let anchor: number | null = null;
  for (const id of current) {
    if (inTarget.has(id)) {
      anchor = id;
      continue;
    }
    newcomersAfter.set(anchor, [...(newcomersAfter.get(anchor) ?? []), id]);
  }
  const sequence = [...(newcomersAfter.get(null) ?? [])];
  for (const id of target) sequence.push(id, ...(newcomersAfter.get(id) ?? []));
  return sequence;
}

/** The ids in `target` that `current` no longer holds. */
export function missingFrom(target: readonly number[], current: readonly number[]): number[] {
  const inCurrent = new Set(current);
  return target.filter((id) => !inCurrent.has(id));
}

function restoreIntent(
  target: readonly number[],
  remembers: RememberedReorder,
  cannot: string,
): RestoreIntent {
  return {
    target,
    remembers,
    cannot,
    what: remembers.what,
    sequenceFor: (items) => restoredSequence(target, displaySequence(items)),
  };
}

/** Finishes the order the user asked for. */
export function retryIntent(reorder: RememberedReorder): RestoreIntent {
  return restoreIntent(reorder.intended, reorder, `Can't finish ${reorder.what}`);
}

/** Goes back to the order before: an Undo, or, after an Undo, a Redo. */
export function reverseIntent(reorder: RememberedReorder): RestoreIntent {
  const kind = reorder.undone ? 'redo' : 'undo';
  return restoreIntent(
    reorder.before,
    { ...reorder, before: reorder.intended, intended: reorder.before, undone: !reorder.undone },
    `Can't ${kind} ${reorder.what}`,
  );
}

/** What the way back is called on a button: Undo, or Redo after an Undo. */
export const reverseLabel = (reorder: RememberedReorder) => (reorder.undone ? 'Redo' : 'Undo');

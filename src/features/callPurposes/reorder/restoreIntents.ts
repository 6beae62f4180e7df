import type { ReorderIntent } from './intents';
import { displaySequence } from './planReorder';

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
  readonly kind: 'retry' | 'undo' | 'redo';
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
  kind: RestoreIntent['kind'],
  target: readonly number[],
  remembers: RememberedReorder,
  cannot: string,
): RestoreIntent {
  return {
    kind,
    target,
    remembers,
    cannot,
    what: remembers.what,
    sequenceFor: (items) => restoredSequence(target, displaySequence(items)),
  };
}

/** Finishes the order the user asked for. */
export function retryIntent(reorder: RememberedReorder): RestoreIntent {
  return restoreIntent('retry', reorder.intended, reorder, `Can't finish ${reorder.what}`);
}

/** Goes back to the order before: an Undo, or, after an Undo, a Redo. */
export function reverseIntent(reorder: RememberedReorder): RestoreIntent {
  const kind = reorder.undone ? 'redo' : 'undo';
  return restoreIntent(
    kind,
    reorder.before,
    { ...reorder, before: reorder.intended, intended: reorder.before, undone: !reorder.undone },
    `Can't ${kind} ${reorder.what}`,
  );
}

/** What the way back is called on a button: Undo, or Redo after an Undo. */
export const reverseLabel = (reorder: RememberedReorder) => (reorder.undone ? 'Redo' : 'Undo');

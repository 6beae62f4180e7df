import type { CallPurpose } from '../types';
import { displaySequence, moveId } from './planReorder';

/**
 * What a user asked for, as a function of the list: it is applied to the list as it stands when
 * its turn comes, so a move queued behind another lands where the user dropped it.
 */
export type ReorderIntent = {
  /** The refusal, naming the move: "Can't move Demo there". */
  cannot: string;
  /** The wanted display sequence, or null when the purpose is gone. */
  sequenceFor(items: readonly CallPurpose[]): number[] | null;
};

export function moveIntent(
  purpose: Pick<CallPurpose, 'id' | 'name'>,
  toIndex: number,
): ReorderIntent {
  return {
    cannot: `Can't move ${purpose.name} there`,
    sequenceFor: (items) =>
      items.some((item) => item.id === purpose.id)
        ? moveId(displaySequence(items), purpose.id, toIndex)
        : null,
  };
}

export function moveToTopIntent(purpose: Pick<CallPurpose, 'id' | 'name'>): ReorderIntent {
  return { ...moveIntent(purpose, 0), cannot: `Can't move ${purpose.name} to the top` };
}

export function moveToBottomIntent(purpose: Pick<CallPurpose, 'id' | 'name'>): ReorderIntent {
  return {
    ...moveIntent(purpose, Number.MAX_SAFE_INTEGER),
    cannot: `Can't move ${purpose.name} to the bottom`,
  };
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortByNameIntent(): ReorderIntent {
  return {
    cannot: "Can't sort A–Z",
    sequenceFor: (items) =>
      [...items].sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id).map((p) => p.id),
  };
}

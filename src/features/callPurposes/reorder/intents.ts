import { compareForDisplay } from '../displayOrder';
import type { CallPurpose } from '../types';
import { displaySequence, moveId } from './planReorder';

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

export function moveIntent(
  purpose: Pick<CallPurpose, 'id' | 'name'>,
  toIndex: number,
): ReorderIntent {
  return {
    cannot: `Can't move ${purpose.name} there`,
    what: `moving ${purpose.name}`,
    sequenceFor: (items) =>
      items.some((item) => item.id === purpose.id)
        ? moveId(displaySequence(items), purpose.id, toIndex)
        : null,
  };
}

export function moveToTopIntent(purpose: Pick<CallPurpose, 'id' | 'name'>): ReorderIntent {
  return {
    ...moveIntent(purpose, 0),
    cannot: `Can't move ${purpose.name} to the top`,
    what: `moving ${purpose.name} to the top`,
  };
}

export function moveToBottomIntent(purpose: Pick<CallPurpose, 'id' | 'name'>): ReorderIntent {
  return {
    ...moveIntent(purpose, Number.MAX_SAFE_INTEGER),
    cannot: `Can't move ${purpose.name} to the bottom`,
    what: `moving ${purpose.name} to the bottom`,
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

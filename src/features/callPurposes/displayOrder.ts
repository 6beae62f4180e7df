import type { CallPurpose } from './types';

type Ordered = Pick<CallPurpose, 'id' | 'order'>;

/** Display order: `order` ascending with nulls last, then `id` (the server's rule). */
export function compareForDisplay(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) {
    if (a.order === null) return 1;
    if (b.order === null) return -1;
    return a.order - b.order;
  }
  return a.id - b.id;
}

/** A new array in display order; the input is left as it was. */
export function sortForDisplay<T extends Ordered>(purposes: readonly T[]): T[] {
  return [...purposes].sort(compareForDisplay);
}

import type { CallPurpose } from '../types';

type Snapshot = readonly Pick<CallPurpose, 'id' | 'name' | 'order' | 'updatedAt'>[];

export type ListChanges = { added: number[]; changed: number[]; removed: number[] };

/** What happened between two looks at the list: rows added, changed (renamed, moved, …), removed. */
export function compareSnapshots(before: Snapshot, after: Snapshot): ListChanges {
  const earlier = new Map(before.map((purpose) => [purpose.id, purpose]));
  const later = new Set(after.map((purpose) => purpose.id));
  const changes: ListChanges = { added: [], changed: [], removed: [] };
  for (const purpose of after) {
    const previous = earlier.get(purpose.id);
    if (!previous) changes.added.push(purpose.id);
    else if (
      previous.updatedAt !== purpose.updatedAt ||
      previous.name !== purpose.name ||
      previous.order !== purpose.order
    ) {
      changes.changed.push(purpose.id);
    }
  }
  for (const purpose of before) if (!later.has(purpose.id)) changes.removed.push(purpose.id);
  return changes;
}

export function hasChanges(changes: ListChanges): boolean {
  return changes.added.length + changes.changed.length + changes.removed.length > 0;
}

/** "2 purposes changed, 1 added, 1 removed": the noun once, on the first part; null if nothing. */
export function describeChanges(changes: ListChanges): string | null {
  const parts = (
    [
      [changes.changed.length, 'changed'],
      [changes.added.length, 'added'],
      [changes.removed.length, 'removed'],
    ] as const
  ).filter(([count]) => count > 0);
  if (parts.length === 0) return null;
  return parts
    .map(([count, verb], index) =>
      index === 0 ? `${count} ${count === 1 ? 'purpose' : 'purposes'} ${verb}` : `${count} ${verb}`,
    )
    .join(', ');
}

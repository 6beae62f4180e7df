// One sentence per change, for the History page: what a manager would say happened.
import type { HistoryChange, HistoryEntry } from './store';

const quoted = (name: string) => `“${name}”`;

function namesOf(entries: HistoryEntry[], pick: (entry: HistoryEntry) => string | undefined) {
  const names = entries.map(pick).filter((name): name is string => name !== undefined);
  return names.length <= 3
    ? names.map(quoted).join(', ')
    : `${names.slice(0, 2).map(quoted).join(', ')} and ${names.length - 2} more`;
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

export function describeChange(change: HistoryChange): string {
  const { entries } = change;
  const created = entries.filter((entry) => entry.action === 'created');
  const deleted = entries.filter((entry) => entry.action === 'deleted');
  const renamed = entries.filter(
    (entry) => entry.action === 'updated' && entry.before?.name !== entry.after?.name,
  );
  const moved = entries.filter(
    (entry) =>
      entry.action === 'updated' &&
      entry.before?.name === entry.after?.name &&
      entry.before?.order !== entry.after?.order,
  );
  const parts: string[] = [];
  if (created.length === 1) parts.push(`Added ${quoted(created[0]?.after?.name ?? '')}`);
  else if (created.length > 1) parts.push(`Added ${plural(created.length, 'purpose')}`);
  for (const entry of renamed.slice(0, 3)) {
    parts.push(`Renamed ${quoted(entry.before?.name ?? '')} to ${quoted(entry.after?.name ?? '')}`);
  }
  if (renamed.length > 3) parts.push(`renamed ${renamed.length - 3} more`);
  if (moved.length > 0) {
    parts.push(
      `Changed the order of ${plural(moved.length, 'purpose')}: ${namesOf(moved, (e) => e.after?.name)}`,
    );
  }
  if (deleted.length === 1) parts.push(`Deleted ${quoted(deleted[0]?.before?.name ?? '')}`);
  else if (deleted.length > 1) {
    parts.push(
      `Deleted ${plural(deleted.length, 'purpose')}: ${namesOf(deleted, (e) => e.before?.name)}`,
    );
  }
  return parts.length === 0 ? 'Saved a purpose without changing it' : parts.join('; ');
}

import type { HistoryEntryDocument } from '../../../shared/historyDocument';

const quoted = (name: string) => `“${name}”`;

/** One write of a change, as a sentence: what happened to which purpose. */
export function describeEntry(entry: HistoryEntryDocument): string {
  const { before, after } = entry;
  if (entry.action === 'created') return `Added ${quoted(after?.name ?? '')}`;
  if (entry.action === 'deleted') return `Deleted ${quoted(before?.name ?? '')}`;
  const parts: string[] = [];
  if (before !== null && after !== null && before.name !== after.name) {
    parts.push(`Renamed ${quoted(before.name)} to ${quoted(after.name)}`);
  }
  if (before !== null && after !== null && before.order !== after.order) {
    const moved = `order ${before.order.toLocaleString('en-US')} → ${after.order.toLocaleString('en-US')}`;
    parts.push(parts.length === 0 ? `Moved ${quoted(after.name)} (${moved})` : `moved (${moved})`);
  }
  return parts.length === 0
    ? `Saved ${quoted(after?.name ?? before?.name ?? '')} unchanged`
    : parts.join(', ');
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday": how long ago `iso` was, from `now`. */
export function timeAgo(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "Nov 21, 2026, 10:00 AM" in the reader's locale; an unreadable date shows as a dash. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '—' : dateTimeFormat.format(time);
}

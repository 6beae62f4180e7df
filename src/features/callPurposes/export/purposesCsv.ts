import { toCsv } from '../../../lib/csv';
import type { CallPurpose } from '../types';

export const CSV_COLUMNS = [
  'position',
  'name',
  'order',
  'created by',
  'created at',
  'updated at',
] as const;

/** The list as shown (display order), one record per purpose, names safe to open in a spreadsheet. */
export function purposesToCsv(purposes: readonly CallPurpose[]): string {
  return toCsv(
    [
      [...CSV_COLUMNS],
      ...purposes.map((purpose, index) => [
        String(index + 1),
        purpose.name,
        purpose.order === null ? '' : String(purpose.order),
        purpose.creatorName ?? '',
        purpose.createdAt,
        purpose.updatedAt,
      ]),
    ],
    { escapeFormulae: true },
  );
}

/** `call-purposes-2026-11-26.csv`, by the local calendar day. */
export function csvFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `call-purposes-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

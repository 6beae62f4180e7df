import { parseCsv } from '../../../lib/csv';
import { checkPurposeName, type NameProblem } from '../../../../shared/purposeName';
import { findDuplicateName, nameKey } from '../purposeNames';
import type { CallPurpose } from '../types';

export type LineStatus = 'new' | 'blank' | 'repeated' | 'existing' | 'tooLong' | 'invalid';

export type ClassifiedLine = {
  /** 1-based, as a person counts the lines of the paste. */
  line: number;
  /** Trimmed: what would be sent. */
  name: string;
  status: LineStatus;
  /** For `repeated`: the line it repeats; for `existing`: the purpose's name. */
  sameAs?: number | string;
  /** For `invalid`: what the server would refuse it for. */
  problem?: NameProblem;
};

/**
 * What becomes of each pasted line: added, or skipped because it is blank, repeats an earlier
 * line, reads the same as an existing purpose (ignoring case and spaces), is too long, or holds
 * a character the server refuses (a tab, say).
 */
export function classifyNames(
  text: string,
  existing: readonly Pick<CallPurpose, 'id' | 'name'>[],
): ClassifiedLine[] {
  const lines = text === '' ? [] : text.split(/\r\n|\r|\n/);
  const firstLineOf = new Map<string, number>();
  return lines.map((raw, index) => {
    const line = index + 1;
    const name = raw.trim();
    // The server's own rule (shared/purposeName.ts), so no line is sent only to be refused.
    const checked = checkPurposeName(raw);
    if (!checked.ok) {
      if (checked.problem === 'blank') return { line, name, status: 'blank' };
      if (checked.problem === 'tooLong') return { line, name, status: 'tooLong' };
      return { line, name, status: 'invalid', problem: checked.problem };
    }
    const match = findDuplicateName(name, existing);
    if (match) return { line, name, status: 'existing', sameAs: match.name };
    const key = nameKey(name);
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) return { line, name, status: 'repeated', sameAs: earlier };
    firstLineOf.set(key, line);
    return { line, name, status: 'new' };
  });
}

export function namesToAdd(lines: readonly ClassifiedLine[]): string[] {
  return lines.filter((line) => line.status === 'new').map((line) => line.name);
}

/**
 * The names in an uploaded file: every line of a .txt; of a .csv, the `name` column when the
 * header has one (any case), else the first column of every record.
 */
export function namesFromFile(fileName: string, text: string): string[] {
  const names = readNames(fileName, text.startsWith('\uFEFF') ? text.slice(1) : text);
  // A file's final line break (or a spreadsheet's empty last rows) is not a blank line pasted.
  while (names.length > 0 && names[names.length - 1]?.trim() === '') names.pop();
  return names;
}

function readNames(fileName: string, text: string): string[] {
  if (!/\.csv$/i.test(fileName)) return text.split(/\r\n|\r|\n/);
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const nameColumn = header.findIndex((cell) => cell.trim().toLowerCase() === 'name');
  if (nameColumn === -1) return rows.map((row) => row[0] ?? '');
  return rows.slice(1).map((row) => row[nameColumn] ?? '');
}

import { downloadFile } from '../../../lib/downloadFile';
import type { CallPurpose } from '../types';
import { csvFileName, purposesToCsv } from './purposesCsv';

/** Downloads the list as a CSV file named for today. */
export function exportCsv(purposes: readonly CallPurpose[]): void {
  // The byte-order mark tells spreadsheet apps the file is UTF-8, so accents survive.
  downloadFile(csvFileName(new Date()), `\uFEFF${purposesToCsv(purposes)}`, 'text/csv');
}

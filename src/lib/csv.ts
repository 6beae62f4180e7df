import Papa from 'papaparse';

/**
 * CSV as RFC 4180 writes it, by papaparse: fields separated by commas, records by CRLF (one after
 * the last too), a field quoted where it must be. With `escapeFormulae`, a cell that starts with
 * `=`, `+`, `-` or `@` (or a tab or CR) gets a leading apostrophe, so a spreadsheet shows it
 * instead of running it as a formula (CSV injection, OWASP).
 */
export function toCsv(
  rows: readonly (readonly string[])[],
  { escapeFormulae = false }: { escapeFormulae?: boolean } = {},
): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows as string[][], { newline: '\r\n', escapeFormulae })}\r\n`;
}

/** Reads CSV with papaparse: CRLF or LF line ends, a leading byte-order mark as spreadsheets write. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows = Papa.parse<string[]>(source, { delimiter: ',' }).data;
  // A trailing line break ends the last record; it does not start another.
  const last = rows.at(-1);
  if (/[\r\n]$/.test(source) && last?.length === 1 && last[0] === '') rows.pop();
  return rows;
}

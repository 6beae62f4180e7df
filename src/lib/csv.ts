/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted (with
 * its quotes doubled) when it holds a comma, a quote, CR or LF. The parser reads that back and
 * also tolerates LF-only line ends and a leading byte-order mark, as spreadsheets write them.
 */

const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

/**
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR before one) as
 * a formula: CSV injection. A leading apostrophe makes them show the text instead (OWASP).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let index = 0;
  const endField = () => {
    row.push(value);
    value = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (index < source.length) {
    const char = source[index] as string;
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        value += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else value += char;
      index += 1;
      continue;
    }
    if (char === '"' && value === '') quoted = true;
    else if (char === ',') endField();
    else if (char === '\r' && source[index + 1] === '\n') {
      endRow();
      index += 1;
    } else if (char === '\n' || char === '\r') endRow();
    else value += char;
    index += 1;
  }
  // A last record without its line break still counts; a trailing line break adds none.
  if (value !== '' || row.length > 0 || quoted) endRow();
  return rows;
}

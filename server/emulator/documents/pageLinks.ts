/** `links` of a page of any list: first, and prev/next with keyset cursors when rows lie there. */
import { encodeCursor, type CursorValues } from '../query/cursor';
import type { SortKey } from '../query/parameters';

/** Keeps brackets readable in links: `page[size]=50` rather than `page%5Bsize%5D=50`. */
function queryString(params: [string, string][]): string {
  return params
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']')}=${encodeURIComponent(value)}`,
    )
    .join('&');
}

export function pageLinks<Row>(
  path: string,
  search: URLSearchParams,
  sort: readonly SortKey[],
  page: { rows: Row[]; hasNext: boolean; hasPrev: boolean },
  sortValuesOf: (row: Row, sort: readonly SortKey[]) => CursorValues,
): Record<string, string> {
  const base = [...search].filter(([key]) => key !== 'page[after]' && key !== 'page[before]');
  const link = (extra?: [string, string]) => {
    const query = queryString(extra ? [...base, extra] : base);
    return `${path}${query === '' ? '' : `?${query}`}`;
  };
  const links: Record<string, string> = { first: link() };
  const firstRow = page.rows[0];
  const lastRow = page.rows[page.rows.length - 1];
  if (page.hasPrev && firstRow !== undefined) {
    links.prev = link(['page[before]', encodeCursor(sort, sortValuesOf(firstRow, sort))]);
  }
  if (page.hasNext && lastRow !== undefined) {
    links.next = link(['page[after]', encodeCursor(sort, sortValuesOf(lastRow, sort))]);
  }
  return links;
}

/** JSON:API documents for calls (API.md "Calls"): one call, or a page of them. */
import type { CallListQuery } from '../query/callListQuery';
import { callSortValuesOf, type CallPage, type CallRow } from '../repositories/calls';
import { pageLinks } from './pageLinks';
import { pick } from './resources';

export function callResource(row: CallRow, apiBase: string, fields?: ReadonlySet<string>) {
  const relationships = pick(
    {
      callPurpose: {
        data: row.callPurposeId === null ? null : { type: 'callPurpose', id: row.callPurposeId },
      },
      user: { data: row.userId === null ? null : { type: 'user', id: row.userId } },
    },
    fields,
  );
  return {
    type: 'call' as const,
    id: row.id,
    attributes: pick(
      {
        direction: row.direction,
        outcome: row.outcome,
        state: row.state,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      },
      fields,
    ),
    ...(Object.keys(relationships).length > 0 ? { relationships } : {}),
    links: { self: `${apiBase}/calls/${row.id}` },
  };
}

export function callListDocument(
  page: CallPage,
  query: CallListQuery,
  search: URLSearchParams,
  apiBase: string,
) {
  return {
    data: page.rows.map((row) => callResource(row, apiBase, query.fields)),
    links: pageLinks(`${apiBase}/calls`, search, query.sort, page, callSortValuesOf),
    meta: page.count === undefined ? {} : { count: page.count },
  };
}

/** Top-level JSON:API documents for callPurposes: a single resource or a page of them. */
import { authorizationMeta, type Principal } from '../domain/permissions';
import { encodeCursor } from '../query/cursor';
import type { DocumentOptions, ListQuery } from '../query/listQuery';
import {
  sortValuesOf,
  type CallPurposePage,
  type CallPurposeRow,
} from '../repositories/callPurposes';
import type { UserRepository } from '../repositories/users';
import { callPurposeResource, userResource } from './resources';

/** What every document needs besides its rows: who asks, the users, where links point. */
export type DocumentContext = { principal: Principal; users: UserRepository; apiBase: string };

function includedCreators(
  rows: CallPurposeRow[],
  options: DocumentOptions,
  { users, apiBase }: DocumentContext,
) {
  const ids = [
    ...new Set(rows.map((row) => row.creatorId).filter((id): id is number => id !== null)),
  ];
  return ids
    .sort((a, b) => a - b)
    .map((id) => users.findById(id))
    .filter((user) => user !== undefined)
    .map((user) => userResource(user, apiBase, options.fields.user));
}

export function singleDocument(
  row: CallPurposeRow,
  options: DocumentOptions,
  context: DocumentContext,
) {
  const { principal, apiBase } = context;
  const document: Record<string, unknown> = {
    data: callPurposeResource(row, options, authorizationMeta(principal, row), apiBase),
  };
  if (options.includeCreator) document.included = includedCreators([row], options, context);
  return document;
}

/** Keeps brackets readable in links: `page[size]=50` rather than `page%5Bsize%5D=50`. */
function queryString(params: [string, string][]): string {
  return params
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']')}=${encodeURIComponent(value)}`,
    )
    .join('&');
}

function pageLink(apiBase: string, base: [string, string][], extra?: [string, string]): string {
  const params = extra ? [...base, extra] : base;
  const query = queryString(params);
  return `${apiBase}/callPurposes${query === '' ? '' : `?${query}`}`;
}

export function listDocument(
  page: CallPurposePage,
  query: ListQuery,
  search: URLSearchParams,
  context: DocumentContext,
) {
  const { principal, apiBase } = context;
  const base = [...search].filter(([key]) => key !== 'page[after]' && key !== 'page[before]');
  const links: Record<string, string> = { first: pageLink(apiBase, base) };
  const firstRow = page.rows[0];
  const lastRow = page.rows[page.rows.length - 1];
  if (page.hasPrev && firstRow) {
    links.prev = pageLink(apiBase, base, [
      'page[before]',
      encodeCursor(query.sort, sortValuesOf(firstRow, query.sort)),
    ]);
  }
  if (page.hasNext && lastRow) {
    links.next = pageLink(apiBase, base, [
      'page[after]',
      encodeCursor(query.sort, sortValuesOf(lastRow, query.sort)),
    ]);
  }
  const document: Record<string, unknown> = {
    data: page.rows.map((row) =>
      callPurposeResource(row, query.document, authorizationMeta(principal, row), apiBase),
    ),
    links,
    meta: page.count === undefined ? {} : { count: page.count },
  };
  if (query.document.includeCreator) {
    document.included = includedCreators(page.rows, query.document, context);
  }
  return document;
}

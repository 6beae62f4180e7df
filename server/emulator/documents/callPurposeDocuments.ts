/** Top-level JSON:API documents for callPurposes: a single resource or a page of them. */
import { authorizationMeta, type Grant } from '../domain/permissions';
import type { DocumentOptions, ListQuery } from '../query/listQuery';
import {
  sortValuesOf,
  type CallPurposePage,
  type CallPurposeRow,
} from '../repositories/callPurposes';
import type { UserRepository } from '../repositories/users';
import { pageLinks } from './pageLinks';
import { callPurposeResource, userResource } from './resources';

/** What every document needs besides its rows: who asks, the users, where links point. */
export type DocumentContext = { principal: Grant; users: UserRepository; apiBase: string };

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

export function listDocument(
  page: CallPurposePage,
  query: ListQuery,
  search: URLSearchParams,
  context: DocumentContext,
) {
  const { principal, apiBase } = context;
  const links = pageLinks(`${apiBase}/callPurposes`, search, query.sort, page, sortValuesOf);
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

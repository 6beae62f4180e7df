/** Top-level JSON:API documents for callPurposes: a single resource or a page of them. */
import { authorizationMeta, type Principal } from '../domain/permissions';
import type { DocumentOptions, ListQuery } from '../query/listQuery';
import {
  sortValuesOf,
  type CallPurposePage,
  type CallPurposeRow,
} from '../repositories/callPurposes';
import type { UserRepository } from '../repositories/users';
import { pageLinks } from './pageLinks';
import { API_BASE, callPurposeResource, userResource } from './resources';

function includedCreators(rows: CallPurposeRow[], options: DocumentOptions, users: UserRepository) {
  const ids = [
    ...new Set(rows.map((row) => row.creatorId).filter((id): id is number => id !== null)),
  ];
  return ids
    .sort((a, b) => a - b)
    .map((id) => users.findById(id))
    .filter((user) => user !== undefined)
    .map((user) => userResource(user, options.fields.user));
}

export function singleDocument(
  row: CallPurposeRow,
  options: DocumentOptions,
  principal: Principal,
  users: UserRepository,
) {
  const document: Record<string, unknown> = {
    data: callPurposeResource(row, options, authorizationMeta(principal, row)),
  };
  if (options.includeCreator) document.included = includedCreators([row], options, users);
  return document;
}

export function listDocument(
  page: CallPurposePage,
  query: ListQuery,
  search: URLSearchParams,
  principal: Principal,
  users: UserRepository,
) {
  const links = pageLinks(`${API_BASE}/callPurposes`, search, query.sort, page, sortValuesOf);
  const document: Record<string, unknown> = {
    data: page.rows.map((row) =>
      callPurposeResource(row, query.document, authorizationMeta(principal, row)),
    ),
    links,
    meta: page.count === undefined ? {} : { count: page.count },
  };
  if (query.document.includeCreator) {
    document.included = includedCreators(page.rows, query.document, users);
  }
  return document;
}

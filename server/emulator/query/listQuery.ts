/**
 * Parses the query string of callPurposes requests into a typed query. Pure: no I/O, no SQL.
 * Anything it does not understand is a 400 naming the parameter, never silently ignored,
 * because a client that believes its filter applied would act on the wrong rows.
 */
import { invalidQueryParameter } from '../http/errors';
import { ORDER_MAX, ORDER_MIN } from '../../../shared/order';
import { decodeCursor, type CursorValues } from './cursor';
import {
  collectParams,
  parseBoolean,
  parseFieldList,
  parseFilterExpression,
  parseFilterText,
  parseInteger,
  parsePageSize,
  parseSort,
  parseTimestamp,
  rejectLeftovers,
  SORT_FIELDS,
  DEFAULT_PAGE_SIZE,
  type FilterCondition,
  type FilterValue,
  type Params,
  type SortField,
  type SortKey,
} from './parameters';

export const CALL_PURPOSE_FIELDS = [
  'name',
  'order',
  'createdAt',
  'updatedAt',
  'creator',
  'calls',
] as const;
export const USER_FIELDS = ['email', 'firstName', 'lastName', 'createdAt', 'updatedAt'] as const;

export type DocumentOptions = {
  includeCreator: boolean;
  fields: { callPurpose?: ReadonlySet<string>; user?: ReadonlySet<string> };
  authorizationMeta: boolean;
};

export type PageRequest = {
  size: number;
  after?: CursorValues;
  before?: CursorValues;
};

export type ListQuery = {
  /** Always ends with `id`, so the order is total and keyset cursors are unambiguous. */
  sort: SortKey[];
  filters: FilterCondition[];
  page: PageRequest;
  count: boolean;
  document: DocumentOptions;
};

/** Display order (INTERFACES.md): `order` ascending with nulls last, then `id`. */
export const DEFAULT_SORT: readonly SortKey[] = [
  { field: 'order', descending: false },
  { field: 'id', descending: false },
];

/** `include`, `fields[...]` and `provideAuthorizationMeta`: what shapes a document. */
function takeDocumentOptions(params: Params): DocumentOptions {
  const options: DocumentOptions = { includeCreator: false, fields: {}, authorizationMeta: false };
  for (const [key, value] of params) {
    if (key === 'include') {
      const paths = value.split(',');
      for (const include of paths) {
        if (include !== 'creator') {
          throw invalidQueryParameter(
            key,
            `Cannot include "${include}"; only "creator" is supported.`,
          );
        }
      }
      options.includeCreator = true;
    } else if (key === 'fields[callPurpose]') {
      options.fields.callPurpose = parseFieldList(key, value, CALL_PURPOSE_FIELDS);
    } else if (key === 'fields[user]') {
      options.fields.user = parseFieldList(key, value, USER_FIELDS);
    } else if (key === 'provideAuthorizationMeta') {
      options.authorizationMeta = parseBoolean(key, value);
    } else {
      continue;
    }
    params.delete(key);
  }
  return options;
}

function parseFilterValue(parameter: string, field: SortField, text: string): FilterValue {
  switch (field) {
    case 'id':
      return parseInteger(parameter, text, 1, Number.MAX_SAFE_INTEGER);
    case 'order':
      return parseInteger(parameter, text, ORDER_MIN, ORDER_MAX);
    case 'createdAt':
    case 'updatedAt':
      return parseTimestamp(parameter, text);
    case 'name':
      return parseFilterText(parameter, text);
  }
}

function parseFilter(parameter: string, field: SortField, value: string): FilterCondition {
  // Names are matched exactly (or as a comma list): a name may itself contain "..".
  return parseFilterExpression(parameter, field, value, {
    parseValue: (text) => parseFilterValue(parameter, field, text),
    ranges: field !== 'name',
  });
}

const LIST_PARAMETERS =
  'Supported: sort, filter[id|name|order|createdAt|updatedAt], page[size], page[after], page[before], count, include, fields[callPurpose], fields[user], provideAuthorizationMeta.';

export function parseListQuery(search: URLSearchParams): ListQuery {
  const params = collectParams(search);
  const document = takeDocumentOptions(params);
  const sortParam = params.get('sort');
  params.delete('sort');
  const sort = sortParam === undefined ? [...DEFAULT_SORT] : parseSort(sortParam);

  const filters: FilterCondition[] = [];
  let count = false;
  let size = DEFAULT_PAGE_SIZE;
  let afterToken: string | undefined;
  let beforeToken: string | undefined;
  for (const [key, value] of params) {
    const filterMatch = /^filter\[(.*)\]$/.exec(key);
    if (filterMatch) {
      const field = filterMatch[1] ?? '';
      if (!(SORT_FIELDS as readonly string[]).includes(field)) {
        throw invalidQueryParameter(
          key,
          `Cannot filter by "${field}"; use ${SORT_FIELDS.join(', ')}.`,
        );
      }
      filters.push(parseFilter(key, field as SortField, value));
    } else if (key === 'count') {
      count = parseBoolean(key, value);
    } else if (key === 'page[size]') {
      size = parsePageSize(value);
    } else if (key === 'page[after]') {
      afterToken = value;
    } else if (key === 'page[before]') {
      beforeToken = value;
    } else {
      continue;
    }
    params.delete(key);
  }
  rejectLeftovers(params, LIST_PARAMETERS);
  const page = pageRequest(size, afterToken, beforeToken, sort);
  return { sort, filters, page, count, document };
}

/** The page asked for: `page[after]` or `page[before]` (not both), each a cursor for `sort`. */
export function pageRequest(
  size: number,
  afterToken: string | undefined,
  beforeToken: string | undefined,
  sort: readonly SortKey[],
): PageRequest {
  if (afterToken !== undefined && beforeToken !== undefined) {
    throw invalidQueryParameter('page[before]', 'Use page[after] or page[before], not both.');
  }
  const page: PageRequest = { size };
  if (afterToken !== undefined) page.after = decodeCursor('page[after]', afterToken, sort);
  if (beforeToken !== undefined) page.before = decodeCursor('page[before]', beforeToken, sort);
  return page;
}

/** GET one, POST and PATCH accept only the parameters that shape the returned document. */
export function parseDocumentQuery(search: URLSearchParams): DocumentOptions {
  const params = collectParams(search);
  const document = takeDocumentOptions(params);
  rejectLeftovers(
    params,
    'Supported here: include, fields[callPurpose], fields[user], provideAuthorizationMeta.',
  );
  return document;
}

/** DELETE and the API root take no parameters at all. */
export function parseNoQuery(search: URLSearchParams): void {
  rejectLeftovers(collectParams(search), 'This endpoint takes no query parameters.');
}

/** GET /users/{id} accepts only a sparse fieldset for users. */
export function parseUserQuery(search: URLSearchParams): ReadonlySet<string> | undefined {
  const params = collectParams(search);
  const value = params.get('fields[user]');
  params.delete('fields[user]');
  rejectLeftovers(params, 'Supported here: fields[user].');
  return value === undefined ? undefined : parseFieldList('fields[user]', value, USER_FIELDS);
}

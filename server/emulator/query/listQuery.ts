/**
 * Parses the query string of callPurposes requests into a typed query. Pure: no I/O, no SQL.
 * Anything it does not understand is a 400 naming the parameter, never silently ignored,
 * because a client that believes its filter applied would act on the wrong rows.
 */
import { NAME_MAX_LENGTH } from '../../../shared/purposeName';
import { invalidQueryParameter } from '../http/errors';
import { decodeCursor, type CursorValues } from './cursor';

export const SORT_FIELDS = ['id', 'name', 'order', 'createdAt', 'updatedAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortKey = { field: SortField; descending: boolean };

export type FilterValue = number | string;
/** `F`: the fields a resource filters by (a call filters by its purpose, say). */
export type FilterCondition<F extends string = SortField> =
  | { field: F; kind: 'in'; values: FilterValue[] }
  | { field: F; kind: 'range'; from: FilterValue | null; to: FilterValue | null }
  | { field: F; kind: 'null' }
  | { field: F; kind: 'notNull' };

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

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/** Display order (INTERFACES.md): `order` ascending with nulls last, then `id`. */
export const DEFAULT_SORT: readonly SortKey[] = [
  { field: 'order', descending: false },
  { field: 'id', descending: false },
];

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

type Params = Map<string, string>;

/** Collects parameters, rejecting repeated ones: `sort=a&sort=b` has no single meaning. */
export function collectParams(search: URLSearchParams): Params {
  const params: Params = new Map();
  for (const [key, value] of search) {
    if (params.has(key)) throw invalidQueryParameter(key, `"${key}" may appear only once.`);
    params.set(key, value);
  }
  return params;
}

export function parseBoolean(parameter: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidQueryParameter(parameter, `"${parameter}" must be true or false.`);
}

export function parseFieldList(
  parameter: string,
  value: string,
  allowed: readonly string[],
): ReadonlySet<string> {
  // An empty fieldset is legal JSON:API: it asks for no attributes at all.
  if (value === '') return new Set();
  const names = value.split(',');
  for (const name of names) {
    if (!allowed.includes(name)) {
      throw invalidQueryParameter(
        parameter,
        `"${name}" is not a field of this resource; use ${allowed.join(', ')}.`,
      );
    }
  }
  return new Set(names);
}

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

export function rejectLeftovers(params: Params, supported: string): void {
  for (const key of params.keys()) {
    throw invalidQueryParameter(
      key,
      `Unknown or unsupported query parameter "${key}". ${supported}`,
    );
  }
}

export function parseSort(value: string, fields: readonly SortField[] = SORT_FIELDS): SortKey[] {
  if (value === '') throw invalidQueryParameter('sort', '"sort" must name at least one field.');
  const keys: SortKey[] = [];
  for (const item of value.split(',')) {
    const descending = item.startsWith('-');
    const field = descending ? item.slice(1) : item;
    if (!(fields as readonly string[]).includes(field)) {
      throw invalidQueryParameter(
        'sort',
        `Cannot sort by "${item}"; use ${fields.join(', ')}, each optionally prefixed with "-".`,
      );
    }
    if (keys.some((key) => key.field === field)) {
      throw invalidQueryParameter('sort', `"${field}" appears more than once in "sort".`);
    }
    keys.push({ field: field as SortField, descending });
  }
  if (!keys.some((key) => key.field === 'id')) keys.push({ field: 'id', descending: false });
  return keys;
}

export function parseInteger(parameter: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) {
    throw invalidQueryParameter(parameter, `"${text}" is not an integer.`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidQueryParameter(parameter, `${text} is outside ${min}..${max}.`);
  }
  return value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function parseTimestamp(parameter: string, text: string): string {
  const time = ISO_DATE.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) {
    throw invalidQueryParameter(parameter, `"${text}" is not an ISO-8601 date or date-time.`);
  }
  // Stored timestamps are toISOString() strings, so normalising makes string comparison exact.
  return new Date(time).toISOString();
}

function parseFilterValue(parameter: string, field: SortField, text: string): FilterValue {
  switch (field) {
    case 'id':
      return parseInteger(parameter, text, 1, Number.MAX_SAFE_INTEGER);
    case 'order':
      return parseInteger(parameter, text, INT32_MIN, INT32_MAX);
    case 'createdAt':
    case 'updatedAt':
      return parseTimestamp(parameter, text);
    case 'name':
      return parseFilterText(parameter, text);
  }
}

/** A text filter item no stored value can match is a mistake worth saying, not an empty page. */
export function parseFilterText(parameter: string, text: string): string {
  // UTF-16 units: a name of NAME_MAX_LENGTH emoji is twice as many.
  if (text.length > NAME_MAX_LENGTH * 2) {
    throw invalidQueryParameter(
      parameter,
      `A value of "${parameter}" is longer than any stored value (${NAME_MAX_LENGTH} characters).`,
    );
  }
  return text;
}

function parseFilter(parameter: string, field: SortField, value: string): FilterCondition {
  // Names are matched exactly (or as a comma list): a name may itself contain "..".
  return parseFilterExpression(parameter, field, value, {
    parseValue: (text) => parseFilterValue(parameter, field, text),
    ranges: field !== 'name',
  });
}

/**
 * One `filter[...]` value: `__null__`, `__notnull__`, a range `a..b` (when `ranges`, with open
 * ends `neginf`/`inf`) or a comma list of exact values, each read by `parseValue`.
 */
export function parseFilterExpression<F extends string>(
  parameter: string,
  field: F,
  value: string,
  options: { parseValue: (text: string) => FilterValue; ranges: boolean },
): FilterCondition<F> {
  const { parseValue } = options;
  if (value === '') throw invalidQueryParameter(parameter, `"${parameter}" needs a value.`);
  if (value === '__null__') return { field, kind: 'null' };
  if (value === '__notnull__') return { field, kind: 'notNull' };
  // indexOf, not a regex: `^(.+)\.\.(.+)$` backtracks quadratically on a long run of dots, and
  // one such request stalled the event loop both servers share (issue 17).
  const split = options.ranges ? value.indexOf('..') : -1;
  if (split > 0 && split + 2 < value.length) {
    const fromText = value.slice(0, split);
    const toText = value.slice(split + 2);
    return {
      field,
      kind: 'range',
      from: fromText === 'neginf' ? null : parseValue(fromText),
      to: toText === 'inf' ? null : parseValue(toText),
    };
  }
  const values = value.split(',');
  if (values.some((item) => item === '')) {
    throw invalidQueryParameter(parameter, `"${parameter}" has an empty item in its list.`);
  }
  return { field, kind: 'in', values: values.map(parseValue) };
}

export function parsePageSize(value: string): number {
  return parseInteger('page[size]', value, 1, MAX_PAGE_SIZE);
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

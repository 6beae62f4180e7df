/**
 * The generic query-parameter parsers every list and document query is built from: each turns
 * one parameter's text into a typed value or throws a 400 naming the parameter. Pure.
 */
import { NAME_MAX_LENGTH } from '../../../shared/purposeName';
import { invalidQueryParameter } from '../http/errors';

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

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
export type Params = Map<string, string>;

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

export function parsePageSize(value: string): number {
  return parseInteger('page[size]', value, 1, MAX_PAGE_SIZE);
}

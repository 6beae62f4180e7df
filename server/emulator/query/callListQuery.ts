/**
 * Parses the query string of `GET /calls` (API.md "Calls"): the list parameters callPurposes
 * takes, over a call's own fields. Pure: no I/O, no SQL. Unknown parameters are a 400.
 */
import { invalidQueryParameter } from '../http/errors';
import { pageRequest, type PageRequest } from './listQuery';
import {
  collectParams,
  DEFAULT_PAGE_SIZE,
  parseFieldList,
  parseFilterExpression,
  parseFilterText,
  parseBoolean,
  parseInteger,
  parsePageSize,
  parseSort,
  parseTimestamp,
  rejectLeftovers,
  type FilterCondition,
  type FilterValue,
  type SortField,
  type SortKey,
} from './parameters';

export const CALL_SORT_FIELDS = ['id', 'createdAt', 'updatedAt'] as const satisfies SortField[];
export const CALL_FIELDS = [
  'direction',
  'outcome',
  'state',
  'createdAt',
  'updatedAt',
  'callPurpose',
  'user',
] as const;
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;

export type CallFilterField =
  'id' | 'callPurpose' | 'user' | 'direction' | 'outcome' | 'state' | 'createdAt' | 'updatedAt';

export type CallListQuery = {
  sort: SortKey[];
  filters: FilterCondition<CallFilterField>[];
  page: PageRequest;
  count: boolean;
  fields?: ReadonlySet<string>;
};

type FilterSpec = {
  field: CallFilterField;
  ranges: boolean;
  parseValue: (parameter: string, text: string) => FilterValue;
};

const id = (parameter: string, text: string) =>
  parseInteger(parameter, text, 1, Number.MAX_SAFE_INTEGER);
const text = parseFilterText;
const direction = (parameter: string, value: string) => {
  if (!(CALL_DIRECTIONS as readonly string[]).includes(value)) {
    throw invalidQueryParameter(
      parameter,
      `"${value}" is not a direction; use inbound or outbound.`,
    );
  }
  return value;
};

/** Relationships filter by the related id, as Outreach spells it: `filter[callPurpose][id]`. */
const FILTERS: Record<string, FilterSpec> = {
  'filter[id]': { field: 'id', ranges: true, parseValue: id },
  'filter[callPurpose][id]': { field: 'callPurpose', ranges: false, parseValue: id },
  'filter[user][id]': { field: 'user', ranges: false, parseValue: id },
  'filter[direction]': { field: 'direction', ranges: false, parseValue: direction },
  'filter[outcome]': { field: 'outcome', ranges: false, parseValue: text },
  'filter[state]': { field: 'state', ranges: false, parseValue: text },
  'filter[createdAt]': { field: 'createdAt', ranges: true, parseValue: parseTimestamp },
  'filter[updatedAt]': { field: 'updatedAt', ranges: true, parseValue: parseTimestamp },
};

/** Call lists default to the newest first, as a call log reads. */
const DEFAULT_CALL_SORT: readonly SortKey[] = [
  { field: 'createdAt', descending: true },
  { field: 'id', descending: true },
];

/** Every `filter[...]` parameter `GET /calls` takes. */
export const CALL_FILTER_PARAMETERS = Object.keys(FILTERS);

const SUPPORTED = `Supported: sort, ${Object.keys(FILTERS).join(', ')}, page[size], page[after], page[before], count, fields[call].`;

export function parseCallListQuery(search: URLSearchParams): CallListQuery {
  const params = collectParams(search);
  const sortParam = params.get('sort');
  params.delete('sort');
  const sort =
    sortParam === undefined ? [...DEFAULT_CALL_SORT] : parseSort(sortParam, CALL_SORT_FIELDS);

  const query: CallListQuery = {
    sort,
    filters: [],
    page: { size: DEFAULT_PAGE_SIZE },
    count: false,
  };
  let afterToken: string | undefined;
  let beforeToken: string | undefined;
  for (const [key, value] of params) {
    const filter = FILTERS[key];
    if (filter) {
      query.filters.push(
        parseFilterExpression(key, filter.field, value, {
          ranges: filter.ranges,
          parseValue: (item) => filter.parseValue(key, item),
        }),
      );
    } else if (key.startsWith('filter[')) {
      throw invalidQueryParameter(
        key,
        `Cannot filter calls by "${key}"; use ${Object.keys(FILTERS).join(', ')}.`,
      );
    } else if (key === 'count') {
      query.count = parseBoolean(key, value);
    } else if (key === 'page[size]') {
      query.page.size = parsePageSize(value);
    } else if (key === 'page[after]') {
      afterToken = value;
    } else if (key === 'page[before]') {
      beforeToken = value;
    } else if (key === 'fields[call]') {
      query.fields = parseFieldList(key, value, CALL_FIELDS);
    } else {
      continue;
    }
    params.delete(key);
  }
  rejectLeftovers(params, SUPPORTED);
  query.page = pageRequest(query.page.size, afterToken, beforeToken, sort);
  return query;
}

/** GET /calls/{id} accepts only a sparse fieldset. */
export function parseCallQuery(search: URLSearchParams): ReadonlySet<string> | undefined {
  const params = collectParams(search);
  const value = params.get('fields[call]');
  params.delete('fields[call]');
  rejectLeftovers(params, 'Supported here: fields[call].');
  return value === undefined ? undefined : parseFieldList('fields[call]', value, CALL_FIELDS);
}

/**
 * Turns a parsed list query into SQL fragments (WHERE, ORDER BY, keyset conditions). Every
 * column name comes from a fixed table below; every value is a bound parameter.
 */
import type { CursorValues } from '../query/cursor';
import type { FilterCondition, SortField, SortKey } from '../query/parameters';

const COLUMN: Record<SortField, string> = {
  id: 'id',
  // Outreach sorts names case-insensitively; NOCASE keeps ORDER BY and keyset comparisons aligned.
  name: 'name COLLATE NOCASE',
  order: '"order"',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

type SqlValue = string | number;
export type SqlFragment = { sql: string; params: SqlValue[] };

/**
 * A sort key as comparable, never-null SQL terms. `order` may be null and nulls sort last
 * ascending, so it becomes two terms: "is null" (0 before 1) and the value itself.
 */
type Term = { expr: string; descending: boolean; value: (v: CursorValues[number]) => SqlValue };

function termsOf(key: SortKey): Term[] {
  if (key.field === 'order') {
    return [
      { expr: '("order" IS NULL)', descending: key.descending, value: (v) => (v === null ? 1 : 0) },
      { expr: 'COALESCE("order", 0)', descending: key.descending, value: (v) => v ?? 0 },
    ];
  }
  return [{ expr: COLUMN[key.field], descending: key.descending, value: (v) => v ?? '' }];
}

export function orderBy(sort: readonly SortKey[], reverse: boolean): string {
  return sort
    .flatMap(termsOf)
    .map((term) => `${term.expr} ${term.descending !== reverse ? 'DESC' : 'ASC'}`)
    .join(', ');
}

/** Rows strictly after (or before) the row whose sort values are `values`. */
export function keysetCondition(
  sort: readonly SortKey[],
  values: CursorValues,
  direction: 'after' | 'before',
): SqlFragment {
  const terms = sort.flatMap((key, index) =>
    termsOf(key).map((term) => ({ ...term, bound: term.value(values[index] ?? null) })),
  );
  const alternatives: string[] = [];
  const params: SqlValue[] = [];
  terms.forEach((term, index) => {
    const parts: string[] = [];
    for (const earlier of terms.slice(0, index)) {
      parts.push(`${earlier.expr} = ?`);
      params.push(earlier.bound);
    }
    const greater = (direction === 'after') !== term.descending;
    parts.push(`${term.expr} ${greater ? '>' : '<'} ?`);
    params.push(term.bound);
    alternatives.push(`(${parts.join(' AND ')})`);
  });
  return { sql: `(${alternatives.join(' OR ')})`, params };
}

function filterColumn(field: SortField): string {
  // Filters match exactly (case-sensitive), unlike the sort.
  return field === 'name' ? 'name' : COLUMN[field];
}

export function whereClause(filters: readonly FilterCondition[]): SqlFragment {
  return whereClauseFor(filters, filterColumn);
}

/** `columnOf` maps a filter field to its column; it must return a fixed column name. */
export function whereClauseFor<F extends string>(
  filters: readonly FilterCondition<F>[],
  columnOf: (field: F) => string,
): SqlFragment {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const filter of filters) {
    const column = columnOf(filter.field);
    switch (filter.kind) {
      case 'null':
        parts.push(`${column} IS NULL`);
        break;
      case 'notNull':
        parts.push(`${column} IS NOT NULL`);
        break;
      case 'in':
        parts.push(`${column} IN (${filter.values.map(() => '?').join(', ')})`);
        params.push(...filter.values);
        break;
      case 'range':
        if (filter.from !== null) {
          parts.push(`${column} >= ?`);
          params.push(filter.from);
        }
        if (filter.to !== null) {
          parts.push(`${column} <= ?`);
          params.push(filter.to);
        }
        if (filter.from === null && filter.to === null) parts.push(`${column} IS NOT NULL`);
        break;
    }
  }
  return { sql: parts.length === 0 ? '1 = 1' : parts.join(' AND '), params };
}

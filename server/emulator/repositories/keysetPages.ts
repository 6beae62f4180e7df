/**
 * One page of a list query with keyset cursors, for any table: the rows, whether rows exist
 * before and after them, and optionally the total. Callers pass a WHERE fragment built from
 * fixed column names (`listSql.ts`) and a sort that ends with `id`.
 */
import type { Statement } from 'better-sqlite3';
import type { EmulatorDatabase } from '../db';
import type { CursorValues } from '../query/cursor';
import type { PageRequest } from '../query/listQuery';
import type { SortKey } from '../query/parameters';
import { keysetCondition, orderBy, type SqlFragment } from './listSql';

export type KeysetPage<Row> = { rows: Row[]; hasNext: boolean; hasPrev: boolean; count?: number };

export type KeysetQuery = {
  sort: readonly SortKey[];
  where: SqlFragment;
  page: PageRequest;
  count: boolean;
};

export function createKeysetLister<Stored, Row>(
  db: EmulatorDatabase,
  source: {
    /** A fixed table name. */
    table: string;
    /** The SELECT list that yields `Stored`. */
    columns: string;
    toRow: (stored: Stored) => Row;
    sortValuesOf: (row: Row, sort: readonly SortKey[]) => CursorValues;
  },
) {
  const { table, columns, toRow, sortValuesOf } = source;
  // List queries vary in shape (filters, sort, cursor); cache their prepared statements by text.
  const dynamic = new Map<string, Statement<unknown[], unknown>>();
  function prepared(sql: string): Statement<unknown[], unknown> {
    let statement = dynamic.get(sql);
    if (!statement) {
      if (dynamic.size >= 256) dynamic.clear();
      statement = db.prepare(sql);
      dynamic.set(sql, statement);
    }
    return statement;
  }
  const and = (conditions: SqlFragment[]) => conditions.map((c) => c.sql).join(' AND ');
  const paramsOf = (conditions: SqlFragment[]) => conditions.flatMap((c) => c.params);

  function selectPage(
    conditions: SqlFragment[],
    sort: readonly SortKey[],
    reverse: boolean,
    limit: number,
  ): Row[] {
    const sql = `SELECT ${columns} FROM ${table} WHERE ${and(conditions)}
      ORDER BY ${orderBy(sort, reverse)} LIMIT ?`;
    return (prepared(sql).all(...paramsOf(conditions), limit) as Stored[]).map(toRow);
  }

  function exists(conditions: SqlFragment[]): boolean {
    const sql = `SELECT 1 FROM ${table} WHERE ${and(conditions)} LIMIT 1`;
    return prepared(sql).get(...paramsOf(conditions)) !== undefined;
  }

  return function list(query: KeysetQuery): KeysetPage<Row> {
    const { sort, page, where } = query;
    const backwards = page.before !== undefined;
    const cursor = page.before ?? page.after;
    const conditions = [where];
    if (cursor) conditions.push(keysetCondition(sort, cursor, backwards ? 'before' : 'after'));

    const run = (): KeysetPage<Row> => {
      const fetched = selectPage(conditions, sort, backwards, page.size + 1);
      const moreAhead = fetched.length > page.size;
      const rows = fetched.slice(0, page.size);
      if (backwards) rows.reverse();

      // Whether rows exist on the side we came from: only possible when a cursor was given.
      let moreBehind = false;
      const boundary = backwards ? rows[rows.length - 1] : rows[0];
      if (cursor && boundary) {
        moreBehind = exists([
          where,
          keysetCondition(sort, sortValuesOf(boundary, sort), backwards ? 'after' : 'before'),
        ]);
      }
      const result: KeysetPage<Row> = {
        rows,
        hasNext: backwards ? moreBehind : moreAhead,
        hasPrev: backwards ? moreAhead : moreBehind,
      };
      if (query.count) {
        const countSql = `SELECT COUNT(*) AS n FROM ${table} WHERE ${where.sql}`;
        result.count = (prepared(countSql).get(...where.params) as { n: number }).n;
      }
      return result;
    };
    // Several queries (rows, the row behind the cursor, the count) must see one snapshot;
    // a lone SELECT is consistent on its own and skips the BEGIN/COMMIT round.
    return cursor || query.count ? db.transaction(run)() : run();
  };
}

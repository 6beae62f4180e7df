import type { EmulatorDatabase } from '../db';
import type { CallFilterField, CallListQuery } from '../query/callListQuery';
import type { CursorValues } from '../query/cursor';
import type { SortKey } from '../query/parameters';
import { createKeysetLister, type KeysetPage } from './keysetPages';
import { whereClauseFor } from './listSql';

export type CallRow = {
  id: number;
  direction: 'inbound' | 'outbound';
  outcome: string;
  state: string;
  callPurposeId: number | null;
  userId: number | null;
  createdAt: string;
  updatedAt: string;
};

export type CallPage = KeysetPage<CallRow>;

const COLUMNS = `id, direction, outcome, state, call_purpose_id AS callPurposeId,
  user_id AS userId, created_at AS createdAt, updated_at AS updatedAt`;

const FILTER_COLUMN: Record<CallFilterField, string> = {
  id: 'id',
  callPurpose: 'call_purpose_id',
  user: 'user_id',
  direction: 'direction',
  outcome: 'outcome',
  state: 'state',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export function callSortValuesOf(row: CallRow, sort: readonly SortKey[]): CursorValues {
  // Calls sort by id, createdAt and updatedAt only (CALL_SORT_FIELDS).
  return sort.map((key) =>
    key.field === 'id' ? row.id : key.field === 'updatedAt' ? row.updatedAt : row.createdAt,
  );
}

export type CallRepository = ReturnType<typeof createCallRepository>;

/** Calls are read-only through the API: the emulator only seeds them. */
export function createCallRepository(db: EmulatorDatabase) {
  const selectById = db.prepare<[number], CallRow>(`SELECT ${COLUMNS} FROM calls WHERE id = ?`);
  const listPage = createKeysetLister(db, {
    table: 'calls',
    columns: COLUMNS,
    toRow: (stored: CallRow) => stored,
    sortValuesOf: callSortValuesOf,
  });

  return {
    findById: (id: number): CallRow | undefined => selectById.get(id),
    list: (query: Omit<CallListQuery, 'fields'>): CallPage =>
      listPage({
        sort: query.sort,
        page: query.page,
        count: query.count,
        where: whereClauseFor(query.filters, (field) => FILTER_COLUMN[field]),
      }),
  };
}

import { ORDER_MAX } from '../../../shared/order';
import type { EmulatorDatabase } from '../db';
import type { CallPurposeChanges } from '../domain/callPurposeInput';
import type { CursorValues } from '../query/cursor';
import type { PageRequest } from '../query/listQuery';
import type { FilterCondition, SortKey } from '../query/parameters';
import { createKeysetLister, type KeysetPage } from './keysetPages';
import { whereClause } from './listSql';

export type CallPurposeRow = {
  id: number;
  name: string;
  order: number | null;
  /** Seeded system defaults: managers may not edit or delete them. Not an API attribute. */
  locked: boolean;
  creatorId: number | null;
  createdAt: string;
  updatedAt: string;
};

export type CallPurposePage = KeysetPage<CallPurposeRow>;

type StoredRow = Omit<CallPurposeRow, 'locked'> & { locked: number };

/** New purposes land this far after the current last one, leaving room to reorder by one PATCH. */
const ORDER_STEP = 10;

const COLUMNS = `id, name, "order" AS "order", locked, creator_id AS creatorId,
  created_at AS createdAt, updated_at AS updatedAt`;

function toRow(stored: StoredRow): CallPurposeRow {
  return { ...stored, locked: stored.locked === 1 };
}

export function sortValuesOf(row: CallPurposeRow, sort: readonly SortKey[]): CursorValues {
  return sort.map((key) => row[key.field]);
}

export type CallPurposeRepository = ReturnType<typeof createCallPurposeRepository>;

export function createCallPurposeRepository(db: EmulatorDatabase) {
  const selectById = db.prepare<[number], StoredRow>(
    `SELECT ${COLUMNS} FROM call_purposes WHERE id = ?`,
  );
  const selectMaxOrder = db.prepare<[], { maxOrder: number | null }>(
    'SELECT MAX("order") AS maxOrder FROM call_purposes',
  );
  const insert = db.prepare<[string, number | null, number, string, string]>(
    `INSERT INTO call_purposes (name, "order", locked, creator_id, created_at, updated_at)
     VALUES (?, ?, 0, ?, ?, ?)`,
  );
  const updateName = db.prepare<[string, string, number]>(
    'UPDATE call_purposes SET name = ?, updated_at = ? WHERE id = ?',
  );
  const updateOrder = db.prepare<[number | null, string, number]>(
    'UPDATE call_purposes SET "order" = ?, updated_at = ? WHERE id = ?',
  );
  const remove = db.prepare<[number]>('DELETE FROM call_purposes WHERE id = ?');

  const listPage = createKeysetLister(db, {
    table: 'call_purposes',
    columns: COLUMNS,
    toRow,
    sortValuesOf,
  });

  function findById(id: number): CallPurposeRow | undefined {
    const stored = selectById.get(id);
    return stored ? toRow(stored) : undefined;
  }

  return {
    findById,

    list(query: {
      sort: readonly SortKey[];
      filters: readonly FilterCondition[];
      page: PageRequest;
      count: boolean;
    }): CallPurposePage {
      return listPage({ ...query, where: whereClause(query.filters) });
    },

    create(input: {
      name: string;
      order?: number | null;
      creatorId: number;
      now: string;
    }): CallPurposeRow {
      return db.transaction(() => {
        let order = input.order;
        if (order === undefined) {
          const maxOrder = selectMaxOrder.get()?.maxOrder ?? null;
          order = maxOrder === null ? ORDER_STEP : Math.min(maxOrder + ORDER_STEP, ORDER_MAX);
        }
        const info = insert.run(input.name, order, input.creatorId, input.now, input.now);
        const created = findById(Number(info.lastInsertRowid));
        if (!created) throw new Error('inserted call purpose vanished');
        return created;
      })();
    },

    /**
     * Loads, authorizes and updates in one transaction, so the check and the write see the
     * same row. `authorize` throws to refuse; returns undefined when the row does not exist.
     */
    update(
      id: number,
      changes: CallPurposeChanges,
      now: string,
      authorize: (row: CallPurposeRow) => void,
    ): CallPurposeRow | undefined {
      return db.transaction(() => {
        const row = findById(id);
        if (!row) return undefined;
        authorize(row);
        if (changes.name !== undefined) updateName.run(changes.name, now, id);
        // Each write stamps updated_at itself; a PATCH naming no attribute changes nothing.
        if (changes.order !== undefined) updateOrder.run(changes.order, now, id);
        return findById(id);
      })();
    },

    /** Like update: returns false when the row does not exist; `authorize` throws to refuse. */
    delete(id: number, authorize: (row: CallPurposeRow) => void): boolean {
      return db.transaction(() => {
        const row = findById(id);
        if (!row) return false;
        authorize(row);
        return remove.run(id).changes === 1;
      })();
    },
  };
}

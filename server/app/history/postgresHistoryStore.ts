// History in PostgreSQL (DATABASE_URL): for several app servers sharing one history. A pool of
// connections; the schema migrated at start under an advisory lock, so instances starting
// together migrate once. The tables are those of the SQLite store (server/app/db/database.ts).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migratePostgres, type Migration } from '../../shared/migrate';
import {
  assembleChanges,
  likeContaining,
  type ChangeRow,
  type EntryRow,
  type HistoryStore,
  type HistoryUser,
  type NewHistoryEntry,
} from './store';

const MIGRATIONS: readonly Migration[] = [
  {
    name: 'history of changes',
    sql: `CREATE TABLE history_changes (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     change_id TEXT NOT NULL UNIQUE,
     user_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     user_email TEXT,
     started_at BIGINT NOT NULL,
     last_at BIGINT NOT NULL
   );
   CREATE INDEX history_changes_user ON history_changes (user_id, seq);
   CREATE INDEX history_changes_last_at ON history_changes (last_at);
   CREATE TABLE history_entries (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     change_seq BIGINT NOT NULL REFERENCES history_changes (seq),
     at BIGINT NOT NULL,
     action TEXT NOT NULL,
     purpose_id INTEGER NOT NULL,
     before_name TEXT,
     before_order INTEGER,
     after_name TEXT,
     after_order INTEGER
   );
   CREATE INDEX history_entries_change ON history_entries (change_seq, id);`,
  },
];

/** The history database cannot be reached or set up at start: the server says so and stops. */
export class HistoryStoreUnavailableError extends Error {
  override name = 'HistoryStoreUnavailableError';
}

/** The URL to name in messages and logs: never its password. */
function withoutPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.password = '';
  return url.href;
}

export interface PostgresHistoryOptions {
  databaseUrl: string;
  /** Where a connection that fails while idle is reported (it must never crash the server). */
  log?: { warn(details: object, message: string): void };
}

export async function createPostgresHistoryStore({
  databaseUrl,
  log,
}: PostgresHistoryOptions): Promise<HistoryStore> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (error) =>
    log?.warn({ reason: error.message }, 'history database connection lost'),
  );
  try {
    await migratePostgres(pool, MIGRATIONS);
  } catch (error) {
    await pool.end();
    const { code, message } = error as { code?: string; message: string };
    throw new HistoryStoreUnavailableError(
      `PostgreSQL at ${withoutPassword(databaseUrl)} ${code?.startsWith('E') ? `is unreachable (${code})` : `refused: ${message}`}.`,
    );
  }

  async function changeSeq(client: pg.PoolClient, entry: NewHistoryEntry, changeId: string) {
    const { user } = entry;
    const result = await client.query<{ seq: string }>(
      `INSERT INTO history_changes (change_id, user_id, user_name, user_email, started_at, last_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (change_id) DO UPDATE
         SET last_at = GREATEST(history_changes.last_at, excluded.last_at)
         WHERE history_changes.user_id = excluded.user_id
       RETURNING seq`,
      [changeId, user.id, user.name, user.email, entry.at],
    );
    return result.rows[0]?.seq;
  }

  return {
    kind: 'postgres',
    async record(entry) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // No row back: the id is someone else's change, so this write starts its own.
        const seq =
          (await changeSeq(client, entry, entry.changeId)) ??
          (await changeSeq(client, entry, randomUUID()));
        await client.query(
          `INSERT INTO history_entries
             (change_seq, at, action, purpose_id, before_name, before_order, after_name, after_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            seq,
            entry.at,
            entry.action,
            entry.purposeId,
            entry.before?.name ?? null,
            entry.before?.order ?? null,
            entry.after?.name ?? null,
            entry.after?.order ?? null,
          ],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async changes({ olderThan, limit, purposeName, userId }) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const param = (value: string | number) => `$${params.push(value)}`;
      if (olderThan !== undefined) where.push(`c.seq < ${param(olderThan)}`);
      if (userId !== undefined) where.push(`c.user_id = ${param(userId)}`);
      if (purposeName !== undefined && purposeName !== '') {
        const like = param(likeContaining(purposeName));
        where.push(
          `EXISTS (SELECT 1 FROM history_entries e WHERE e.change_seq = c.seq
             AND (lower(e.before_name) LIKE ${like} OR lower(e.after_name) LIKE ${like}))`,
        );
      }
      const changes = await pool.query<ChangeRow>(
        `SELECT * FROM history_changes c
         ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
         ORDER BY c.seq DESC LIMIT ${param(limit)}`,
        params,
      );
      if (changes.rows.length === 0) return [];
      const entries = await pool.query<EntryRow>(
        'SELECT * FROM history_entries WHERE change_seq = ANY($1::bigint[]) ORDER BY id',
        [changes.rows.map((row) => String(row.seq))],
      );
      return assembleChanges(changes.rows, entries.rows);
    },
    async people() {
      const result = await pool.query<{
        user_id: string;
        user_name: string;
        user_email: string | null;
      }>(
        `SELECT DISTINCT ON (user_id) user_id, user_name, user_email FROM history_changes
         ORDER BY user_id, seq DESC`,
      );
      return result.rows
        .map((row): HistoryUser => ({
          id: row.user_id,
          name: row.user_name,
          email: row.user_email,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    async deleteOlderThan(at) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `DELETE FROM history_entries
           WHERE change_seq IN (SELECT seq FROM history_changes WHERE last_at < $1)`,
          [at],
        );
        const deleted = await client.query('DELETE FROM history_changes WHERE last_at < $1', [at]);
        await client.query('COMMIT');
        return deleted.rowCount ?? 0;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async check() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

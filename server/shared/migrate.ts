// One migration runner for both SQLite databases (the app's sessions, the emulator's data), and
// the same for PostgreSQL (the app's history with DATABASE_URL).
// Migrations apply in order, keyed on PRAGMA user_version, in one IMMEDIATE transaction, so two
// processes opening the same file at once (the emulator and the token CLI) never both migrate.
// Never edit a released migration: add a new one, so existing data directories upgrade in place.
import type Database from 'better-sqlite3';

export type Migration = { name: string; sql: string };

/** `onCreate` runs in the same transaction, only when the file had no schema yet (seeding). */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  onCreate?: (db: Database.Database) => void,
): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > migrations.length) {
      throw new Error(
        `${db.name} is from a newer version (schema ${current}); this one knows ${migrations.length}.`,
      );
    }
    for (const migration of migrations.slice(current)) db.exec(migration.sql);
    db.pragma(`user_version = ${migrations.length}`);
    if (current === 0) onCreate?.(db);
  }).immediate();
}

/** What `migratePostgres` needs of a pool (pg's `Pool`). */
export interface PostgresPool {
  connect(): Promise<{
    query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
    release(): void;
  }>;
}

/**
 * The same runner for PostgreSQL: the version in a one-row `schema_version` table, everything in
 * one transaction under an advisory lock, so app servers starting together migrate once.
 */
export async function migratePostgres(
  pool: PostgresPool,
  migrations: readonly Migration[],
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Any constant works: it only has to be the same for every instance of this app.
    await client.query('SELECT pg_advisory_xact_lock(4242017)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const rows = (await client.query('SELECT version FROM schema_version')).rows;
    const current = Number(rows[0]?.version ?? 0);
    if (current > migrations.length) {
      throw new Error(
        `The database is from a newer version (schema ${current}); this one knows ${migrations.length}.`,
      );
    }
    for (const migration of migrations.slice(current)) await client.query(migration.sql);
    if (rows.length === 0) {
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migrations.length]);
    } else {
      await client.query('UPDATE schema_version SET version = $1', [migrations.length]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

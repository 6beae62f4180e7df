// One migration runner for both SQLite databases (the app's sessions, the emulator's data).
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

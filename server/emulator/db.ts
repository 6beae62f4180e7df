import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { migrate } from '../shared/migrate';

export type EmulatorDatabase = Database.Database;

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'emulator.sqlite');
}

/**
 * Opens `${dataDir}/emulator.sqlite`, applies pending migrations and `seed`s a database that was
 * created just now (the caller's seed: this layer knows the schema, not the data). Safe to call from two processes at once (the server and the token CLI):
 * migrating and seeding happen in one IMMEDIATE transaction, so only one of them does it.
 */
export function openEmulatorDatabase(
  dataDir: string,
  seed: (db: EmulatorDatabase) => void,
): EmulatorDatabase {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(databaseFile(dataDir));
  try {
    db.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit: a write acknowledged with 2xx survives SIGKILL and
    // power loss alike (NORMAL only guarantees the former).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The token CLI may write while the server runs; wait instead of failing with SQLITE_BUSY.
    db.pragma('busy_timeout = 5000');
    adoptMigrationsTable(db);
    migrate(db, MIGRATIONS, seed);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Data directories from before the shared runner recorded their migrations in a `migrations`
 * table and left user_version at 0: carry the count over once.
 */
function adoptMigrationsTable(db: EmulatorDatabase): void {
  const table = db.prepare(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'",
  );
  if (table.get() === undefined || db.pragma('user_version', { simple: true }) !== 0) return;
  const applied = db.prepare('SELECT count(*) FROM migrations').pluck().get() as number;
  db.pragma(`user_version = ${applied}`);
}

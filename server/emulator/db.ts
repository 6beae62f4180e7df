import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { seedFreshDatabase } from './seed';

export type EmulatorDatabase = Database.Database;

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'emulator.sqlite');
}

/**
 * Opens `${dataDir}/emulator.sqlite`, applies pending migrations and seeds a database that was
 * created just now. Safe to call from two processes at once (the server and the token CLI):
 * migrating and seeding happen in one IMMEDIATE transaction, so only one of them does it.
 */
export function openEmulatorDatabase(dataDir: string): EmulatorDatabase {
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
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: EmulatorDatabase): void {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare('SELECT version FROM migrations');
  const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    const done = new Set(applied.pluck().all() as number[]);
    const fresh = done.size === 0;
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    if (fresh) seedFreshDatabase(db);
  }).immediate();
}

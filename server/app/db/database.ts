// The app server's own SQLite file: sessions (pending sign-ins travel in a sealed cookie since
// schema 2) and, without DATABASE_URL, the history of changes. WAL so reads
// never wait on the occasional write; migrations by the shared runner.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, type Migration } from '../../shared/migrate';

export type AppDatabase = Database.Database;

const MIGRATIONS: readonly Migration[] = [
  {
    name: 'sessions and pending sign-ins',
    sql: `CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     user_json TEXT NOT NULL,
     scopes TEXT NOT NULL,
     access_token TEXT NOT NULL,
     refresh_token TEXT,
     access_issued_at INTEGER NOT NULL,
     access_expires_at INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_expires_at ON sessions (expires_at);
   CREATE TABLE pending_logins (
     state TEXT PRIMARY KEY,
     code_verifier TEXT NOT NULL,
     return_to TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX pending_logins_expires_at ON pending_logins (expires_at);`,
  },
  // Tokens are sealed from here on: key_id names the key, NULL marks a row from schema 1 whose
  // plain tokens the store seals when it opens. `version` guards token writes.
  {
    name: 'sealed tokens; pending sign-ins move to a sealed cookie',
    sql: `ALTER TABLE sessions ADD COLUMN key_id TEXT;
   ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
   DROP TABLE pending_logins;`,
  },
  // The history of changes made through this tool (server/app/history), when it lives here
  // rather than in PostgreSQL. The same tables as there (postgresHistoryStore.ts).
  {
    name: 'history of changes',
    sql: `CREATE TABLE history_changes (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     change_id TEXT NOT NULL UNIQUE,
     user_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     user_email TEXT,
     started_at INTEGER NOT NULL,
     last_at INTEGER NOT NULL
   );
   CREATE INDEX history_changes_user ON history_changes (user_id, seq);
   CREATE INDEX history_changes_last_at ON history_changes (last_at);
   CREATE TABLE history_entries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     change_seq INTEGER NOT NULL REFERENCES history_changes (seq),
     at INTEGER NOT NULL,
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

export function openAppDatabase(dataDir: string): AppDatabase {
  // Sessions are readable by this user only: the directory 0700, the file 0600 before SQLite
  // opens it (its -wal and -shm files take the database file's mode).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'app.sqlite');
  closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db, MIGRATIONS);
  return db;
}

/** SQLite answers synchronously; the stores' interfaces are async. Errors become rejections. */
export function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

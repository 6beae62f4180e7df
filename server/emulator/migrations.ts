/** The emulator's schema, in order; `server/shared/migrate.ts` applies it. */
import type { Migration } from '../shared/migrate';

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'initial schema',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'agent')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- AUTOINCREMENT: like Outreach, an id is never reused after a delete.
      CREATE TABLE call_purposes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        "order" INTEGER,
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        creator_id INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX call_purposes_display_order ON call_purposes ("order", id);

      CREATE TABLE oauth_clients (
        client_id TEXT PRIMARY KEY,
        secret_sha256 TEXT NOT NULL,
        name TEXT NOT NULL
      );

      -- One row per consent; tokens point at it so a replayed code can revoke what it issued.
      CREATE TABLE oauth_grants (
        id INTEGER PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES oauth_clients (client_id),
        user_id INTEGER NOT NULL REFERENCES users (id),
        scopes TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE oauth_codes (
        code_sha256 TEXT PRIMARY KEY,
        grant_id INTEGER NOT NULL REFERENCES oauth_grants (id),
        redirect_uri TEXT NOT NULL,
        code_challenge TEXT,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );

      CREATE TABLE access_tokens (
        token_sha256 TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id),
        client_id TEXT NOT NULL,
        grant_id INTEGER REFERENCES oauth_grants (id),
        scopes TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX access_tokens_grant ON access_tokens (grant_id);

      CREATE TABLE refresh_tokens (
        token_sha256 TEXT PRIMARY KEY,
        grant_id INTEGER NOT NULL REFERENCES oauth_grants (id),
        scopes TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      );
      CREATE INDEX refresh_tokens_grant ON refresh_tokens (grant_id);
    `,
  },
  {
    name: 'display order expression index',
    // Matches the ORDER BY terms of the default sort (nulls last, then order, then id) exactly,
    // so SQLite walks the index instead of sorting every row for each list request.
    sql: `
      CREATE INDEX call_purposes_display_order_nulls_last
        ON call_purposes (("order" IS NULL), COALESCE("order", 0), id);
    `,
  },
  {
    name: 'calls',
    // Read-only calls, so that an admin can see how many logged calls use a purpose. Deleting a
    // purpose keeps its calls (Outreach does too) and clears their purpose.
    sql: `
      CREATE TABLE calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        outcome TEXT NOT NULL,
        state TEXT NOT NULL,
        call_purpose_id INTEGER REFERENCES call_purposes (id) ON DELETE SET NULL,
        user_id INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX calls_call_purpose ON calls (call_purpose_id, id);
    `,
  },
];

// The default store: one SQLite file in DATA_DIR, for a single app server. Rows are keyed by the
// hash of the session id, tokens are sealed, expired rows are swept when a session opens. The
// refresh lock lives in memory: with SQLite there is one process to coordinate.
import { openAppDatabase, settle, type AppDatabase } from '../db/database';
import { openTokens, sealTokens, type SealedTokens } from './sealedTokens';
import type { SessionRecord, SessionStore, SessionTokens, SessionUser } from './store';
import type { Cipher } from './tokenCipher';

interface SessionRow {
  id_hash: string;
  user_json: string;
  scopes: string;
  access_token: string;
  refresh_token: string | null;
  key_id: string | null;
  access_issued_at: number;
  access_expires_at: number;
  created_at: number;
  expires_at: number;
  version: number;
}

export interface SqliteSessionStoreOptions {
  dataDir: string;
  cipher: Cipher;
  now: () => number;
}

export function createSqliteSessionStore({
  dataDir,
  cipher,
  now,
}: SqliteSessionStoreOptions): SessionStore {
  const db: AppDatabase = openAppDatabase(dataDir);
  const insert = db.prepare(
    `INSERT INTO sessions (id_hash, user_json, scopes, access_token, refresh_token, key_id,
       access_issued_at, access_expires_at, created_at, expires_at, version)
     VALUES (@idHash, @userJson, @scopes, @accessToken, @refreshToken, @keyId,
       @accessIssuedAt, @accessExpiresAt, @createdAt, @expiresAt, @version)`,
  );
  const select = db.prepare<[string, number], SessionRow>(
    'SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?',
  );
  const updateTokens = db.prepare(
    `UPDATE sessions SET access_token = @accessToken, refresh_token = @refreshToken,
       key_id = @keyId, access_issued_at = @accessIssuedAt, access_expires_at = @accessExpiresAt,
       version = version + 1
     WHERE id_hash = @idHash AND version = @expectedVersion`,
  );
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');

  sealLegacyRows(db, cipher);

  const locks = new Map<string, { holder: string; until: number }>();

  function toRecord(row: SessionRow): SessionRecord | undefined {
    if (row.key_id === null) return undefined;
    const sealed: SealedTokens = {
      keyId: row.key_id,
      accessToken: row.access_token,
      refreshToken: row.refresh_token,
    };
    const tokens = openTokens(cipher, row.id_hash, sealed);
    if (tokens === undefined) return undefined;
    return {
      idHash: row.id_hash,
      user: JSON.parse(row.user_json) as SessionUser,
      scopes: row.scopes === '' ? [] : row.scopes.split(' '),
      ...tokens,
      accessIssuedAt: row.access_issued_at,
      accessExpiresAt: row.access_expires_at,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      version: row.version,
    };
  }

  return {
    kind: 'sqlite',

    create(session) {
      const sweepAndInsert = db.transaction(() => {
        removeExpired.run(now());
        insert.run({
          idHash: session.idHash,
          userJson: JSON.stringify(session.user),
          scopes: session.scopes.join(' '),
          ...sealTokens(cipher, session.idHash, session),
          accessIssuedAt: session.accessIssuedAt,
          accessExpiresAt: session.accessExpiresAt,
          createdAt: session.createdAt,
          expiresAt: session.expiresAt,
          version: session.version,
        });
      });
      return settle(() => sweepAndInsert());
    },

    find(idHash) {
      return settle(() => {
        const row = select.get(idHash, now());
        if (row === undefined) return undefined;
        const record = toRecord(row);
        // Sealed under a key that is no longer configured (or altered): the session is over.
        if (record === undefined) remove.run(idHash);
        return record;
      });
    },

    saveTokens(idHash, tokens: SessionTokens, expectedVersion) {
      return settle(() => {
        const result = updateTokens.run({
          idHash,
          expectedVersion,
          ...sealTokens(cipher, idHash, tokens),
          accessIssuedAt: tokens.accessIssuedAt,
          accessExpiresAt: tokens.accessExpiresAt,
        });
        return result.changes === 1;
      });
    },

    delete(idHash) {
      return settle(() => {
        remove.run(idHash);
      });
    },

    tryLock(idHash, holder, ttlMs) {
      return settle(() => {
        const held = locks.get(idHash);
        if (held !== undefined && held.until > now()) return false;
        locks.set(idHash, { holder, until: now() + ttlMs });
        return true;
      });
    },

    unlock(idHash, holder) {
      return settle(() => {
        if (locks.get(idHash)?.holder === holder) locks.delete(idHash);
      });
    },

    check() {
      return settle(() => {
        db.prepare('SELECT 1').get();
      });
    },

    close() {
      return settle(() => {
        db.close();
      });
    },
  };
}

/** Rows written before tokens were sealed (schema 1) are sealed in place, once. */
function sealLegacyRows(db: AppDatabase, cipher: Cipher): void {
  const legacy = db
    .prepare<[], Pick<SessionRow, 'id_hash' | 'access_token' | 'refresh_token'>>(
      'SELECT id_hash, access_token, refresh_token FROM sessions WHERE key_id IS NULL',
    )
    .all();
  if (legacy.length === 0) return;
  const update = db.prepare(
    `UPDATE sessions SET access_token = @accessToken, refresh_token = @refreshToken,
       key_id = @keyId WHERE id_hash = @idHash AND key_id IS NULL`,
  );
  db.transaction(() => {
    for (const row of legacy) {
      update.run({
        idHash: row.id_hash,
        ...sealTokens(cipher, row.id_hash, {
          accessToken: row.access_token,
          refreshToken: row.refresh_token,
        }),
      });
    }
  })();
  // The plain tokens may linger in free pages and the WAL until these are rewritten.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
}

// All SQL for sessions and pending sign-ins. Session ids never reach the database: rows are keyed
// by a SHA-256 of the id, so a copy of app.sqlite cannot be replayed as cookies.
import { systemClock, type Clock } from '../../clock';
import type { AppDatabase } from './database';

export interface SessionUser {
  id: number | string | null;
  name: string;
  email: string | null;
}

export interface SessionTokens {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds. */
  accessIssuedAt: number;
  accessExpiresAt: number;
}

export interface SessionRecord extends SessionTokens {
  idHash: string;
  user: SessionUser;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
}

export interface PendingLogin {
  state: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: number;
}

interface SessionRow {
  id_hash: string;
  user_json: string;
  scopes: string;
  access_token: string;
  refresh_token: string | null;
  access_issued_at: number;
  access_expires_at: number;
  created_at: number;
  expires_at: number;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    idHash: row.id_hash,
    user: JSON.parse(row.user_json) as SessionUser,
    scopes: row.scopes === '' ? [] : row.scopes.split(' '),
    accessToken: row.access_token,
    refreshToken: row.refresh_token,
    accessIssuedAt: row.access_issued_at,
    accessExpiresAt: row.access_expires_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;

export function createSessionRepository(db: AppDatabase, clock: Clock = systemClock) {
  const insertSession = db.prepare(
    `INSERT INTO sessions (id_hash, user_json, scopes, access_token, refresh_token,
       access_issued_at, access_expires_at, created_at, expires_at)
     VALUES (@idHash, @userJson, @scopes, @accessToken, @refreshToken,
       @accessIssuedAt, @accessExpiresAt, @createdAt, @expiresAt)`,
  );
  const selectSession = db.prepare<[string, number], SessionRow>(
    'SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?',
  );
  const updateTokens = db.prepare(
    `UPDATE sessions SET access_token = @accessToken, refresh_token = @refreshToken,
       access_issued_at = @accessIssuedAt, access_expires_at = @accessExpiresAt
     WHERE id_hash = @idHash`,
  );
  const deleteSession = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const deleteExpiredSessions = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  const insertLogin = db.prepare(
    `INSERT INTO pending_logins (state, code_verifier, return_to, expires_at)
     VALUES (@state, @codeVerifier, @returnTo, @expiresAt)`,
  );
  const takeLogin = db.prepare<
    [string],
    { state: string; code_verifier: string; return_to: string; expires_at: number }
  >('DELETE FROM pending_logins WHERE state = ? RETURNING *');
  const deleteExpiredLogins = db.prepare('DELETE FROM pending_logins WHERE expires_at <= ?');

  return {
    createSession(record: SessionRecord): void {
      db.transaction(() => {
        deleteExpiredSessions.run(clock.now());
        insertSession.run({
          idHash: record.idHash,
          userJson: JSON.stringify(record.user),
          scopes: record.scopes.join(' '),
          accessToken: record.accessToken,
          refreshToken: record.refreshToken,
          accessIssuedAt: record.accessIssuedAt,
          accessExpiresAt: record.accessExpiresAt,
          createdAt: record.createdAt,
          expiresAt: record.expiresAt,
        });
      })();
    },

    /** The live session with this id hash, or undefined when it is unknown or has ended. */
    findSession(idHash: string, now = clock.now()): SessionRecord | undefined {
      const row = selectSession.get(idHash, now);
      return row === undefined ? undefined : toRecord(row);
    },

    saveTokens(idHash: string, tokens: SessionTokens): void {
      updateTokens.run({ idHash, ...tokens });
    },

    deleteSession(idHash: string): void {
      deleteSession.run(idHash);
    },

    createPendingLogin(login: PendingLogin): void {
      db.transaction(() => {
        deleteExpiredLogins.run(clock.now());
        insertLogin.run(login);
      })();
    },

    /** Removes and returns the pending sign-in: a state is good for one callback only. */
    takePendingLogin(state: string, now = clock.now()): PendingLogin | undefined {
      const row = takeLogin.get(state);
      if (row === undefined || row.expires_at <= now) return undefined;
      return {
        state: row.state,
        codeVerifier: row.code_verifier,
        returnTo: row.return_to,
        expiresAt: row.expires_at,
      };
    },
  };
}

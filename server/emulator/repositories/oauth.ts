import type { EmulatorDatabase } from '../db';

export type ClientRow = { clientId: string; secretSha256: string; name: string };
export type GrantRow = { id: number; clientId: string; userId: number; scopes: string };
export type CodeRow = {
  grantId: number;
  redirectUri: string;
  codeChallenge: string | null;
  expiresAt: number;
  usedAt: number | null;
};
export type AccessTokenRow = {
  userId: number;
  clientId: string;
  scopes: string;
  expiresAt: number;
};
export type RefreshTokenRow = {
  grantId: number;
  scopes: string;
  expiresAt: number;
  usedAt: number | null;
};

export type OAuthRepository = ReturnType<typeof createOAuthRepository>;

/** Clients, grants, codes and tokens. Secrets and tokens are only ever stored as SHA-256. */
export function createOAuthRepository(db: EmulatorDatabase) {
  const clientById = db.prepare<[string], ClientRow>(
    'SELECT client_id AS clientId, secret_sha256 AS secretSha256, name FROM oauth_clients WHERE client_id = ?',
  );
  const grantById = db.prepare<[number], GrantRow>(
    'SELECT id, client_id AS clientId, user_id AS userId, scopes FROM oauth_grants WHERE id = ?',
  );
  const insertGrant = db.prepare<[string, number, string, number]>(
    'INSERT INTO oauth_grants (client_id, user_id, scopes, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertCode = db.prepare<[string, number, string, string | null, number]>(
    `INSERT INTO oauth_codes (code_sha256, grant_id, redirect_uri, code_challenge, expires_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const codeByHash = db.prepare<[string], CodeRow>(
    `SELECT grant_id AS grantId, redirect_uri AS redirectUri, code_challenge AS codeChallenge,
            expires_at AS expiresAt, used_at AS usedAt
     FROM oauth_codes WHERE code_sha256 = ?`,
  );
  const markCodeUsed = db.prepare<[number, string]>(
    'UPDATE oauth_codes SET used_at = ? WHERE code_sha256 = ? AND used_at IS NULL',
  );
  const insertAccess = db.prepare<[string, number, string, number | null, string, number, number]>(
    `INSERT INTO access_tokens (token_sha256, user_id, client_id, grant_id, scopes, expires_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const accessByHash = db.prepare<[string], AccessTokenRow>(
    `SELECT user_id AS userId, client_id AS clientId, scopes, expires_at AS expiresAt
     FROM access_tokens WHERE token_sha256 = ?`,
  );
  const insertRefresh = db.prepare<[string, number, string, number]>(
    'INSERT INTO refresh_tokens (token_sha256, grant_id, scopes, expires_at) VALUES (?, ?, ?, ?)',
  );
  const refreshByHash = db.prepare<[string], RefreshTokenRow>(
    `SELECT grant_id AS grantId, scopes, expires_at AS expiresAt, used_at AS usedAt
     FROM refresh_tokens WHERE token_sha256 = ?`,
  );
  const markRefreshUsed = db.prepare<[number, string]>(
    'UPDATE refresh_tokens SET used_at = ? WHERE token_sha256 = ? AND used_at IS NULL',
  );
  const deleteGrantAccess = db.prepare<[number]>('DELETE FROM access_tokens WHERE grant_id = ?');
  const deleteGrantRefresh = db.prepare<[number]>('DELETE FROM refresh_tokens WHERE grant_id = ?');
  // Housekeeping, in foreign-key order. A used code or refresh token is kept until it expires:
  // its replay must still be recognised (and revoke what it issued) while it could be replayed.
  const deleteExpiredCodes = db.prepare<[number]>('DELETE FROM oauth_codes WHERE expires_at <= ?');
  const deleteExpiredRefresh = db.prepare<[number]>(
    'DELETE FROM refresh_tokens WHERE expires_at <= ?',
  );
  const deleteIdleGrants = db.prepare(
    `DELETE FROM oauth_grants
      WHERE id NOT IN (SELECT grant_id FROM access_tokens WHERE grant_id IS NOT NULL)
        AND id NOT IN (SELECT grant_id FROM refresh_tokens)
        AND id NOT IN (SELECT grant_id FROM oauth_codes)`,
  );
  const deleteExpiredAccess = db.prepare<[number]>(
    'DELETE FROM access_tokens WHERE expires_at < ?',
  );

  return {
    findClient: (clientId: string): ClientRow | undefined => clientById.get(clientId),
    findGrant: (id: number): GrantRow | undefined => grantById.get(id),
    createGrant(clientId: string, userId: number, scopes: string, now: number): number {
      return Number(insertGrant.run(clientId, userId, scopes, now).lastInsertRowid);
    },
    createCode(code: {
      sha256: string;
      grantId: number;
      redirectUri: string;
      codeChallenge: string | null;
      expiresAt: number;
    }): void {
      insertCode.run(
        code.sha256,
        code.grantId,
        code.redirectUri,
        code.codeChallenge,
        code.expiresAt,
      );
    },
    findCode: (sha256: string): CodeRow | undefined => codeByHash.get(sha256),
    /** True only for the first caller: codes are single-use. */
    markCodeUsed: (sha256: string, now: number): boolean =>
      markCodeUsed.run(now, sha256).changes === 1,
    createAccessToken(token: {
      sha256: string;
      userId: number;
      clientId: string;
      grantId: number | null;
      scopes: string;
      expiresAt: number;
      now: number;
    }): void {
      insertAccess.run(
        token.sha256,
        token.userId,
        token.clientId,
        token.grantId,
        token.scopes,
        token.expiresAt,
        token.now,
      );
    },
    findAccessToken: (sha256: string): AccessTokenRow | undefined => accessByHash.get(sha256),
    createRefreshToken(token: {
      sha256: string;
      grantId: number;
      scopes: string;
      expiresAt: number;
    }): void {
      insertRefresh.run(token.sha256, token.grantId, token.scopes, token.expiresAt);
    },
    findRefreshToken: (sha256: string): RefreshTokenRow | undefined => refreshByHash.get(sha256),
    /** True only for the first caller: refresh tokens rotate. */
    markRefreshTokenUsed: (sha256: string, now: number): boolean =>
      markRefreshUsed.run(now, sha256).changes === 1,
    revokeGrantTokens(grantId: number): void {
      deleteGrantAccess.run(grantId);
      deleteGrantRefresh.run(grantId);
    },
    /**
     * Housekeeping: expired codes, access and refresh tokens (revoked ones are deleted when
     * revoked), then the grants no code or token points at. Rows deleted, per table.
     */
    deleteDeadRows(now: number) {
      return {
        codes: deleteExpiredCodes.run(now).changes,
        accessTokens: deleteExpiredAccess.run(now).changes,
        refreshTokens: deleteExpiredRefresh.run(now).changes,
        grants: deleteIdleGrants.run().changes,
      };
    },
  };
}

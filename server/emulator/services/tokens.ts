/**
 * Issuing and checking bearer tokens. Tokens are 256 random bits; only their SHA-256 is stored,
 * so a copy of the database file does not hand out working credentials.
 */
import { randomBytes } from 'node:crypto';
import type { Repositories } from '../repositories';
import type { UserRow } from '../repositories/users';
import { sha256Hex } from '../domain/sha256';

/** The user a valid token stands for, with what it was granted and by which client. */
export type Principal = { user: UserRow; scopes: readonly string[]; clientId: string };

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function issueAccessToken(
  oauth: Repositories['oauth'],
  input: {
    userId: number;
    clientId: string;
    scopes: readonly string[];
    grantId: number | null;
    ttlSeconds: number;
    now: number;
  },
): string {
  const token = newSecret();
  oauth.createAccessToken({
    sha256: sha256Hex(token),
    userId: input.userId,
    clientId: input.clientId,
    grantId: input.grantId,
    scopes: input.scopes.join(' '),
    expiresAt: input.now + input.ttlSeconds * 1000,
    now: input.now,
  });
  return token;
}

export type TokenCheck =
  | { ok: true; principal: Principal; expiresAt: number }
  | { ok: false; reason: 'invalid' | 'expired' };

export function checkAccessToken(
  repos: Pick<Repositories, 'oauth' | 'users'>,
  token: string,
  now: number,
): TokenCheck {
  const row = repos.oauth.findAccessToken(sha256Hex(token));
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  const user = repos.users.findById(row.userId);
  if (!user) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    principal: { user, scopes: row.scopes.split(' '), clientId: row.clientId },
    expiresAt: row.expiresAt,
  };
}

// The two tokens of a session as both stores keep them: sealed with one key, whose id is stored
// beside them, each bound to its session and field.
import type { SessionTokens } from './store';
import type { Cipher } from './tokenCipher';

export interface SealedTokens {
  keyId: string;
  accessToken: string;
  /** Null when the upstream gave no refresh token. */
  refreshToken: string | null;
}

const context = (idHash: string, field: 'access' | 'refresh') => `${idHash}:${field}`;

export function sealTokens(
  cipher: Cipher,
  idHash: string,
  tokens: Pick<SessionTokens, 'accessToken' | 'refreshToken'>,
): SealedTokens {
  const access = cipher.seal(tokens.accessToken, context(idHash, 'access'));
  return {
    keyId: access.keyId,
    accessToken: access.value,
    refreshToken:
      tokens.refreshToken === null
        ? null
        : cipher.seal(tokens.refreshToken, context(idHash, 'refresh')).value,
  };
}

/** The plain tokens, or undefined when they cannot be read (a retired key, tampering). */
export function openTokens(
  cipher: Cipher,
  idHash: string,
  sealed: SealedTokens,
): Pick<SessionTokens, 'accessToken' | 'refreshToken'> | undefined {
  const accessToken = cipher.open(
    { keyId: sealed.keyId, value: sealed.accessToken },
    context(idHash, 'access'),
  );
  if (accessToken === undefined) return undefined;
  if (sealed.refreshToken === null) return { accessToken, refreshToken: null };
  const refreshToken = cipher.open(
    { keyId: sealed.keyId, value: sealed.refreshToken },
    context(idHash, 'refresh'),
  );
  return refreshToken === undefined ? undefined : { accessToken, refreshToken };
}

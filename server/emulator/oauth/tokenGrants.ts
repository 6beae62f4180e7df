/**
 * The two grants of the token endpoint. Each runs in one transaction; a refused grant returns
 * its error instead of throwing so that revoking a replayed code's tokens is not rolled back.
 */
import { parseScopeList } from '../domain/scopes';
import type { Repositories } from '../repositories';
import type { ClientRow } from '../repositories/oauth';
import { sha256Hex } from '../seed';
import { issueAccessToken, newSecret } from '../services/tokens';
import { OAuthError } from './errors';
import { verifierMatches } from './pkce';

export type TokenSettings = { tokenTtlSeconds: number; refreshTokenTtlSeconds: number };

export type TokenResponse = {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
  created_at: number;
};

function issueTokens(
  repos: Repositories,
  grant: { id: number; clientId: string; userId: number },
  scopes: { access: string[]; refresh: string },
  settings: TokenSettings,
  now: number,
): TokenResponse {
  const accessToken = issueAccessToken(repos, {
    userId: grant.userId,
    clientId: grant.clientId,
    scopes: scopes.access,
    grantId: grant.id,
    ttlSeconds: settings.tokenTtlSeconds,
    now,
  });
  const refreshToken = newSecret();
  repos.oauth.createRefreshToken({
    sha256: sha256Hex(refreshToken),
    grantId: grant.id,
    scopes: scopes.refresh,
    expiresAt: now + settings.refreshTokenTtlSeconds * 1000,
  });
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: settings.tokenTtlSeconds,
    refresh_token: refreshToken,
    scope: scopes.access.join(' '),
    created_at: Math.floor(now / 1000),
  };
}

/** `callPurposes.all` covers `callPurposes.read`: narrowing may go from a level to a lower one. */
function covers(granted: readonly string[], scope: string): boolean {
  const [resource] = scope.split('.');
  return granted.includes(scope) || granted.includes(`${resource}.all`);
}

function required(params: Map<string, string>, name: string): string {
  const value = params.get(name);
  if (value === undefined) throw new OAuthError('invalid_request', `${name} is required.`);
  return value;
}

export function exchangeAuthorizationCode(
  repos: Repositories,
  client: ClientRow,
  params: Map<string, string>,
  settings: TokenSettings,
  now: number,
): TokenResponse {
  const code = required(params, 'code');
  const redirectUri = required(params, 'redirect_uri');
  const verifier = params.get('code_verifier');
  const codeSha256 = sha256Hex(code);

  const outcome = repos.transaction((): TokenResponse | OAuthError | { replayedGrant: number } => {
    const row = repos.oauth.findCode(codeSha256);
    const grant = row && repos.oauth.findGrant(row.grantId);
    if (!row || !grant || grant.clientId !== client.clientId) {
      return new OAuthError('invalid_grant', 'Unknown authorization code.');
    }
    if (row.usedAt !== null) return { replayedGrant: grant.id };
    if (row.expiresAt <= now)
      return new OAuthError('invalid_grant', 'The authorization code has expired.');
    if (row.redirectUri !== redirectUri) {
      return new OAuthError(
        'invalid_grant',
        'redirect_uri differs from the one used to authorize.',
      );
    }
    if (row.codeChallenge !== null) {
      if (verifier === undefined || !verifierMatches(verifier, row.codeChallenge)) {
        return new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge.');
      }
    } else if (verifier !== undefined) {
      return new OAuthError('invalid_grant', 'code_verifier sent, but no code_challenge was.');
    }
    if (!repos.oauth.markCodeUsed(codeSha256, now)) return { replayedGrant: grant.id };
    const scopes = grant.scopes.split(' ');
    return issueTokens(repos, grant, { access: scopes, refresh: grant.scopes }, settings, now);
  });

  if (outcome instanceof OAuthError) throw outcome;
  if ('replayedGrant' in outcome) {
    // RFC 6749 §4.1.2: a code used twice may have been stolen; revoke what it issued.
    repos.transaction(() => repos.oauth.revokeGrantTokens(outcome.replayedGrant));
    throw new OAuthError('invalid_grant', 'The authorization code was already used.');
  }
  return outcome;
}

export function refreshAccessToken(
  repos: Repositories,
  client: ClientRow,
  params: Map<string, string>,
  settings: TokenSettings,
  now: number,
): TokenResponse {
  const refreshToken = required(params, 'refresh_token');
  const requestedScope = params.get('scope');
  const tokenSha256 = sha256Hex(refreshToken);
  const outcome = repos.transaction((): TokenResponse | OAuthError | { replayedGrant: number } => {
    const row = repos.oauth.findRefreshToken(tokenSha256);
    const grant = row && repos.oauth.findGrant(row.grantId);
    if (!row || !grant || grant.clientId !== client.clientId) {
      return new OAuthError('invalid_grant', 'Unknown, used or revoked refresh token.');
    }
    if (row.usedAt !== null) return { replayedGrant: grant.id };
    if (row.expiresAt <= now)
      return new OAuthError('invalid_grant', 'The refresh token has expired.');
    const granted = row.scopes.split(' ');
    let access = granted;
    if (requestedScope !== undefined) {
      const requested = parseScopeList(requestedScope);
      // §6: a refresh may narrow the scope, never widen it.
      if (!requested || !requested.every((scope) => covers(granted, scope))) {
        return new OAuthError('invalid_scope', 'The requested scope exceeds the granted scope.');
      }
      access = requested;
    }
    if (!repos.oauth.markRefreshTokenUsed(tokenSha256, now)) return { replayedGrant: grant.id };
    return issueTokens(repos, grant, { access, refresh: row.scopes }, settings, now);
  });

  if (outcome instanceof OAuthError) throw outcome;
  if ('replayedGrant' in outcome) {
    // RFC 9700 §4.14.2: a rotated refresh token used again means one of its two holders is an
    // attacker, and the server cannot tell which; revoke everything the grant issued.
    repos.transaction(() => repos.oauth.revokeGrantTokens(outcome.replayedGrant));
    throw new OAuthError('invalid_grant', 'Unknown, used or revoked refresh token.');
  }
  return outcome;
}

/**
 * The two grants of the token endpoint. Each runs in one transaction; a refused grant returns
 * its error instead of throwing so that revoking a replayed code's tokens is not rolled back.
 */
import { parseScopeList } from '../../../shared/scopes';
import type { Repositories } from '../repositories';
import type { ClientRow, GrantRow } from '../repositories/oauth';
import { sha256Hex } from '../domain/sha256';
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
  const accessToken = issueAccessToken(repos.oauth, {
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

/** What both grants redeem: an authorization code or a refresh token, stored by its hash. */
type RedeemableRow = { grantId: number; expiresAt: number; usedAt: number | null };

type Redemption<Row> =
  | { state: 'unknown' }
  | { state: 'used'; grantId: number }
  | { state: 'expired' }
  | { state: 'live'; row: Row; grant: GrantRow };

/**
 * The opening both grants share: the stored row of the secret the client presented, its grant,
 * and whether it belongs to this client, was used already or has expired. Runs inside the
 * grant's transaction; each grant turns the states into its own errors.
 */
function redeem<Row extends RedeemableRow>(
  repos: Repositories,
  client: ClientRow,
  row: Row | undefined,
  now: number,
): Redemption<Row> {
  const grant = row && repos.oauth.findGrant(row.grantId);
  if (!row || !grant || grant.clientId !== client.clientId) return { state: 'unknown' };
  if (row.usedAt !== null) return { state: 'used', grantId: grant.id };
  if (row.expiresAt <= now) return { state: 'expired' };
  return { state: 'live', row, grant };
}

export function exchangeAuthorizationCode(
  repos: Repositories,
  client: ClientRow,
  params: Map<string, string>,
  settings: TokenSettings,
  now: number,
): TokenResponse {
  const codeSha256 = sha256Hex(required(params, 'code'));
  const redirectUri = required(params, 'redirect_uri');
  const verifier = params.get('code_verifier');

  const outcome = repos.transaction((): TokenResponse | OAuthError | { replayedGrant: number } => {
    const code = redeem(repos, client, repos.oauth.findCode(codeSha256), now);
    if (code.state === 'unknown') {
      return new OAuthError('invalid_grant', 'Unknown authorization code.');
    }
    if (code.state === 'used') return { replayedGrant: code.grantId };
    if (code.state === 'expired') {
      return new OAuthError('invalid_grant', 'The authorization code has expired.');
    }
    const { row, grant } = code;
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
  const tokenSha256 = sha256Hex(required(params, 'refresh_token'));
  const requestedScope = params.get('scope');
  const unknown = () => new OAuthError('invalid_grant', 'Unknown, used or revoked refresh token.');

  const outcome = repos.transaction((): TokenResponse | OAuthError | { replayedGrant: number } => {
    const token = redeem(repos, client, repos.oauth.findRefreshToken(tokenSha256), now);
    if (token.state === 'unknown') return unknown();
    if (token.state === 'used') return { replayedGrant: token.grantId };
    if (token.state === 'expired') {
      return new OAuthError('invalid_grant', 'The refresh token has expired.');
    }
    const { row, grant } = token;
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
    throw unknown();
  }
  return outcome;
}

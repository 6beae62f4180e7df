// Sessions: the cookie carries a random id, the database the tokens. Access tokens are refreshed
// shortly before they expire or when the upstream rejects one, through a per-session
// single-flight so concurrent requests share one refresh.
import type { AppConfig } from '../config';
import type { SessionRecord, SessionRepository, SessionUser } from '../db/sessionRepository';
import { createSingleFlight } from '../singleFlight';
import { TokenGrantError, type OAuthClient, type TokenGrant } from './oauthClient';
import { randomToken, sha256 } from './pkce';

/** The session is over (its refresh token was refused, or it was signed out meanwhile). */
export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}

export type SessionService = ReturnType<typeof createSessionService>;

export function createSessionService(
  config: Pick<AppConfig, 'sessionTtlSeconds' | 'refreshLeewaySeconds'>,
  repo: SessionRepository,
  oauth: Pick<OAuthClient, 'refresh'>,
  now: () => number = Date.now,
) {
  const refreshes = createSingleFlight<string, string>();

  function needsRefresh(session: SessionRecord): boolean {
    const lifetime = session.accessExpiresAt - session.accessIssuedAt;
    // A minute early for real tokens (two hours long); a quarter of their life for short ones,
    // so a test's 2-second token is not refreshed on every request.
    const leeway = Math.min(config.refreshLeewaySeconds * 1000, lifetime / 4);
    return now() >= session.accessExpiresAt - leeway;
  }

  function tokensFrom(grant: TokenGrant, previousRefreshToken: string | null) {
    const issuedAt = now();
    return {
      accessToken: grant.accessToken,
      // Refresh tokens rotate; an upstream that does not rotate keeps the old one valid.
      refreshToken: grant.refreshToken ?? previousRefreshToken,
      accessIssuedAt: issuedAt,
      accessExpiresAt: issuedAt + grant.expiresInSeconds * 1000,
    };
  }

  /**
   * Refreshes unless someone already has: `stale` is the token the caller found wanting; if the
   * session holds a different one by the time the lock is ours, that one is fresh.
   */
  function refresh(idHash: string, stale: string, force: boolean): Promise<string> {
    return refreshes.run(idHash, async () => {
      const current = repo.findSession(idHash, now());
      if (current === undefined) throw new SessionEndedError('session ended');
      if (current.accessToken !== stale) return current.accessToken;
      if (!force && !needsRefresh(current)) return current.accessToken;
      if (current.refreshToken === null) {
        repo.deleteSession(idHash);
        throw new SessionEndedError('no refresh token');
      }
      let grant: TokenGrant;
      try {
        grant = await oauth.refresh(current.refreshToken);
      } catch (error) {
        if (error instanceof TokenGrantError && error.isFinal) {
          repo.deleteSession(idHash);
          throw new SessionEndedError(`refresh refused: ${error.errorCode}`);
        }
        throw error;
      }
      repo.saveTokens(idHash, tokensFrom(grant, current.refreshToken));
      return grant.accessToken;
    });
  }

  return {
    /** Opens a session; returns the id for the cookie (only its hash is stored). */
    open(
      grant: TokenGrant,
      user: SessionUser,
      scopes: string[],
    ): { id: string; session: SessionRecord } {
      const id = randomToken();
      const createdAt = now();
      const session: SessionRecord = {
        idHash: sha256(id),
        user,
        scopes,
        ...tokensFrom(grant, null),
        createdAt,
        expiresAt: createdAt + config.sessionTtlSeconds * 1000,
      };
      repo.createSession(session);
      return { id, session };
    },

    find(id: string | undefined): SessionRecord | undefined {
      if (id === undefined || id === '') return undefined;
      return repo.findSession(sha256(id), now());
    },

    /** A usable access token, refreshed first when it is about to expire. */
    async accessToken(session: SessionRecord): Promise<string> {
      const current = repo.findSession(session.idHash, now());
      if (current === undefined) throw new SessionEndedError('session ended');
      if (!needsRefresh(current)) return current.accessToken;
      return refresh(current.idHash, current.accessToken, false);
    },

    /** After the upstream answered 401 to `rejected`: a new token, refreshed at most once. */
    accessTokenAfterRejection(session: SessionRecord, rejected: string): Promise<string> {
      return refresh(session.idHash, rejected, true);
    },

    end(session: SessionRecord): void {
      repo.deleteSession(session.idHash);
    },
  };
}

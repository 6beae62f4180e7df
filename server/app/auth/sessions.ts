// Sessions: the cookie carries a random id, the store the tokens. Access tokens are refreshed
// shortly before they expire or when the upstream rejects one. Exactly one refresh happens per
// session, however many requests and app servers want it: in this process, callers share one
// promise; across processes, the store's lock decides who performs the grant, the others wait
// for the new token to appear, and the token write is a compare-and-set on the session's
// version, so a refresher whose lock lapsed can never overwrite newer tokens.
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config';
import type { SessionRecord, SessionStore, SessionUser } from '../sessions/store';
import { createSingleFlight } from '../singleFlight';
import {
  TokenGrantError,
  UpstreamUnavailableError,
  type OAuthClient,
  type TokenGrant,
} from './oauthClient';
import { randomToken, sha256 } from './pkce';

/** The session is over (its refresh token was refused, or it was signed out meanwhile). */
/** Only a session id's hash is stored: a copy of the store opens no session. */
export const sessionIdHash = (id: string): string => sha256(id);

export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}

export type SessionService = ReturnType<typeof createSessionService>;

export interface SessionServiceOptions {
  config: Pick<AppConfig, 'SESSION_TTL_SECONDS' | 'refreshLeewaySeconds' | 'REFRESH_LOCK_SECONDS'>;
  store: SessionStore;
  oauth: Pick<OAuthClient, 'refresh'>;
  now?: () => number;
  /** How long to pause between looks while another instance refreshes. */
  pause?: (ms: number) => Promise<void>;
}

const POLL_MS = 25;

const defaultPause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSessionService({
  config,
  store,
  oauth,
  now = Date.now,
  pause = defaultPause,
}: SessionServiceOptions) {
  const refreshes = createSingleFlight<string, string>();
  // Names this process as a lock holder; unique across instances and restarts.
  const instance = randomUUID();

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

  async function current(idHash: string): Promise<SessionRecord> {
    const session = await store.find(idHash);
    if (session === undefined) throw new SessionEndedError('session ended');
    return session;
  }

  /**
   * The token to use without a grant, if there is one: after a 401 (`force`), any token other
   * than the rejected one (someone refreshed meanwhile); otherwise one that is not about to expire.
   */
  function settled(session: SessionRecord, stale: string, force: boolean): string | undefined {
    if (force) return session.accessToken !== stale ? session.accessToken : undefined;
    return needsRefresh(session) ? undefined : session.accessToken;
  }

  /** Performs the grant while holding the lock; the write succeeds only at `session.version`. */
  async function grantAndSave(session: SessionRecord): Promise<string> {
    if (session.refreshToken === null) {
      await store.delete(session.idHash);
      throw new SessionEndedError('no refresh token');
    }
    let grant: TokenGrant;
    try {
      grant = await oauth.refresh(session.refreshToken);
    } catch (error) {
      if (error instanceof TokenGrantError && error.isFinal) {
        // A refresher whose lock lapsed may have used the token first: then its result stands.
        const now = await store.find(session.idHash);
        if (now !== undefined && now.version !== session.version) return now.accessToken;
        await store.delete(session.idHash);
        throw new SessionEndedError(`refresh refused: ${error.errorCode}`);
      }
      throw error;
    }
    const tokens = tokensFrom(grant, session.refreshToken);
    if (await store.saveTokens(session.idHash, tokens, session.version)) return grant.accessToken;
    // Someone wrote newer tokens (or signed out) while this grant ran: theirs win.
    return (await current(session.idHash)).accessToken;
  }

  /**
   * Refreshes unless someone already has: `stale` is the token the caller found wanting; if the
   * session holds a different one by the time the lock is ours, that one is fresh.
   */
  function refresh(idHash: string, stale: string, force: boolean): Promise<string> {
    return refreshes.run(idHash, async () => {
      const holder = `${instance}:${randomToken()}`;
      // Waiting longer than a lock lasts means its holder died: then the lock lapses and this
      // instance takes over. Twice that bounds the wait should Redis keep refusing the lock.
      const attempts = Math.ceil((2000 * config.REFRESH_LOCK_SECONDS) / POLL_MS) + 1;
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        const done = settled(await current(idHash), stale, force);
        if (done !== undefined) return done;
        if (await store.tryLock(idHash, holder, config.REFRESH_LOCK_SECONDS * 1000)) {
          try {
            // Read again under the lock: the previous holder may have finished just now.
            const session = await current(idHash);
            return settled(session, stale, force) ?? (await grantAndSave(session));
          } finally {
            await store.unlock(idHash, holder).catch(() => undefined);
          }
        }
        await pause(POLL_MS);
      }
      throw new UpstreamUnavailableError('another app server is still refreshing this session');
    });
  }

  return {
    /** Opens a session; returns the id for the cookie (only its hash is stored). */
    async open(
      grant: TokenGrant,
      user: SessionUser,
      scopes: string[],
    ): Promise<{ id: string; session: SessionRecord }> {
      const id = randomToken();
      const createdAt = now();
      const session: SessionRecord = {
        idHash: sessionIdHash(id),
        user,
        scopes,
        ...tokensFrom(grant, null),
        createdAt,
        expiresAt: createdAt + config.SESSION_TTL_SECONDS * 1000,
        version: 0,
      };
      await store.create(session);
      return { id, session };
    },

    async find(id: string | undefined): Promise<SessionRecord | undefined> {
      if (id === undefined || id === '') return undefined;
      return store.find(sessionIdHash(id));
    },

    /** A usable access token, refreshed first when it is about to expire. */
    async accessToken(session: SessionRecord): Promise<string> {
      // `session` was read from the store for this very request: no second read while fresh.
      if (!needsRefresh(session)) return session.accessToken;
      return refresh(session.idHash, session.accessToken, false);
    },

    /** After the upstream answered 401 to `rejected`: a new token, refreshed at most once. */
    accessTokenAfterRejection(session: SessionRecord, rejected: string): Promise<string> {
      return refresh(session.idHash, rejected, true);
    },

    async end(session: Pick<SessionRecord, 'idHash'>): Promise<void> {
      await store.delete(session.idHash);
    },
  };
}

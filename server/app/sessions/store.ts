// Where sessions live. Two implementations: SQLite in DATA_DIR (the default, one process) and
// Redis (REDIS_URL, any number of app servers). The session service above them decides when to
// refresh; a store only keeps records, expires them, guards token writes with a version
// (compare-and-set) and offers a lock with a time limit, so one instance refreshes at a time.

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
  /** SHA-256 of the id in the cookie: the id itself is never stored. */
  idHash: string;
  user: SessionUser;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
  /** Bumped by every token write; a write naming an older version is refused. */
  version: number;
}

export interface SessionStore {
  readonly kind: 'sqlite' | 'redis';
  create(session: SessionRecord): Promise<void>;
  /** The live session, or undefined when unknown, ended, expired or unreadable. */
  find(idHash: string): Promise<SessionRecord | undefined>;
  /**
   * Stores new tokens only if the session is still at `expectedVersion` (and still exists);
   * true when written. A slow refresher whose lock expired can never overwrite newer tokens.
   */
  saveTokens(idHash: string, tokens: SessionTokens, expectedVersion: number): Promise<boolean>;
  delete(idHash: string): Promise<void>;
  /** Takes the refresh lock for a session unless someone holds it; it lapses after `ttlMs`. */
  tryLock(idHash: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock only if `holder` still holds it. */
  unlock(idHash: string, holder: string): Promise<void>;
  /** Resolves when the store answers; throws SessionStoreUnavailableError when it does not. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** The session store cannot be reached: requests needing a session answer 503. */
export class SessionStoreUnavailableError extends Error {
  override name = 'SessionStoreUnavailableError';
}

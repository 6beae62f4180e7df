// Sessions in Redis (or Valkey), for several app servers: a hash per session that expires by the
// store's own TTL, a refresh lock taken with SET NX PX and released only by its holder, and
// token writes that are a compare-and-set on the session's version (one Lua script each, so
// they are atomic). Commands fail fast while Redis is away (no offline queue): the request that
// needed a session gets a 503, and the client reconnects in the background on its own.
//
// Whoever can write to the Redis must not be able to extend, impersonate or revive a session:
// the record (user, scopes, creation and expiry) and the tokens are each sealed with AES-GCM,
// bound to the session's id hash (and the tokens to their version), so an edited, moved or
// unparsable field ends the session instead of being believed.
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { isLoopbackHostname } from '../../shared/loopback';
import {
  SessionStoreUnavailableError,
  type SessionRecord,
  type SessionStore,
  type SessionTokens,
  type SessionUser,
} from './store';
import type { Cipher } from './tokenCipher';

export interface RedisSessionStoreOptions {
  url: string;
  cipher: Cipher;
  now: () => number;
  log?: Pick<FastifyBaseLogger, 'warn' | 'info'>;
  /** Keys start with this, so one Redis can serve other things too. */
  keyPrefix?: string;
}

type SealedRecord = Pick<SessionRecord, 'user' | 'scopes' | 'createdAt' | 'expiresAt'>;

const recordContext = (idHash: string) => `${idHash}:record`;
const tokensContext = (idHash: string, version: number) => `${idHash}:tokens:${version}`;

function seal(cipher: Cipher, value: unknown, context: string): string {
  const sealed = cipher.seal(JSON.stringify(value), context);
  return `${sealed.keyId}.${sealed.value}`;
}

/** The parsed value, or undefined for a retired key, an edited or moved value, or bad JSON. */
function open(cipher: Cipher, field: string | undefined, context: string): unknown {
  const dot = field?.indexOf('.') ?? -1;
  if (field === undefined || dot < 0) return undefined;
  const plain = cipher.open({ keyId: field.slice(0, dot), value: field.slice(dot + 1) }, context);
  if (plain === undefined) return undefined;
  try {
    return JSON.parse(plain) as unknown;
  } catch {
    return undefined;
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

function isSessionUser(value: unknown): value is SessionUser {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, email } = value as Record<string, unknown>;
  return (
    (id === null || typeof id === 'string' || isNumber(id)) &&
    typeof name === 'string' &&
    (email === null || typeof email === 'string')
  );
}

function isSealedRecord(value: unknown): value is SealedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { user, scopes, createdAt, expiresAt } = value as Record<string, unknown>;
  return (
    isSessionUser(user) &&
    Array.isArray(scopes) &&
    scopes.every((scope) => typeof scope === 'string') &&
    isNumber(createdAt) &&
    isNumber(expiresAt)
  );
}

function isSessionTokens(value: unknown): value is SessionTokens {
  if (typeof value !== 'object' || value === null) return false;
  const { accessToken, refreshToken, accessIssuedAt, accessExpiresAt } = value as Record<
    string,
    unknown
  >;
  return (
    typeof accessToken === 'string' &&
    (refreshToken === null || typeof refreshToken === 'string') &&
    isNumber(accessIssuedAt) &&
    isNumber(accessExpiresAt)
  );
}

const SAVE_TOKENS_IF_VERSION = `
if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'tokens', ARGV[2], 'version', tostring(tonumber(ARGV[1]) + 1))
return 1`;

const RELEASE_IF_HOLDER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The URL as scheme, host, port and database only, for messages and logs: a password may sit in
 * the user info or in the query (`?password=`), and nothing else in it is worth leaking either.
 */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = /^\/\d+$/.test(parsed.pathname) ? parsed.pathname : '';
    return `${parsed.protocol}//${parsed.host}${database}`;
  } catch {
    return 'REDIS_URL';
  }
}

/** A Redis anyone on the network path can read and write: no password, no TLS, not this host. */
export function isExposedRedisUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const loopback = isLoopbackHostname(parsed.hostname);
  const password = parsed.password !== '' || parsed.searchParams.has('password');
  return parsed.protocol === 'redis:' && !password && !loopback;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    return (error as NodeJS.ErrnoException).code ?? error.message;
  }
  return String(error);
}

/** Connects (and checks with PING) before resolving; rejects with a clear reason otherwise. */
export async function createRedisSessionStore({
  url,
  cipher,
  now,
  log,
  keyPrefix = 'cpa:',
}: RedisSessionStoreOptions): Promise<SessionStore> {
  const where = describeRedisUrl(url);
  if (isExposedRedisUrl(url)) {
    log?.warn(
      { redis: where },
      'REDIS_URL has no password and no TLS to a host other than this one: anyone who can reach it can read and end sessions. Use rediss:// and a password.',
    );
  }
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3_000,
    commandTimeout: 3_000,
    // Keep trying for as long as the server runs: recovery needs no restart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let lastError = '';
  let lost = false;
  redis.on('error', (error: unknown) => {
    lastError = reasonOf(error);
  });
  redis.on('close', () => {
    if (lost || redis.status === 'end') return;
    lost = true;
    log?.warn({ redis: where }, 'session store (Redis) connection lost; retrying');
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    log?.info({ redis: where }, 'session store (Redis) connection restored');
  });

  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new SessionStoreUnavailableError(
      `Redis at ${where} is unreachable (${lastError || reasonOf(error)}).`,
    );
  }

  async function guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new SessionStoreUnavailableError(`Redis at ${where}: ${reasonOf(error)}`);
    }
  }

  const sessionKey = (idHash: string) => `${keyPrefix}session:${idHash}`;
  const lockKey = (idHash: string) => `${keyPrefix}refresh-lock:${idHash}`;

  function toRecord(
    idHash: string,
    fields: Record<string, string | undefined>,
  ): SessionRecord | undefined {
    const version = Number(fields.version);
    if (!Number.isSafeInteger(version)) return undefined;
    const record = open(cipher, fields.record, recordContext(idHash));
    const tokens = open(cipher, fields.tokens, tokensContext(idHash, version));
    if (!isSealedRecord(record) || !isSessionTokens(tokens)) return undefined;
    if (record.expiresAt <= now()) return undefined;
    const { user, scopes, createdAt, expiresAt } = record;
    const { accessToken, refreshToken, accessIssuedAt, accessExpiresAt } = tokens;
    return {
      idHash,
      user,
      scopes,
      accessToken,
      refreshToken,
      accessIssuedAt,
      accessExpiresAt,
      createdAt,
      expiresAt,
      version,
    };
  }

  const sealedTokens = (idHash: string, tokens: SessionTokens, version: number) =>
    seal(
      cipher,
      {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        accessIssuedAt: tokens.accessIssuedAt,
        accessExpiresAt: tokens.accessExpiresAt,
      } satisfies SessionTokens,
      tokensContext(idHash, version),
    );

  return {
    kind: 'redis',

    create(session) {
      const ttl = session.expiresAt - now();
      return guard(async () => {
        if (ttl <= 0) return;
        const key = sessionKey(session.idHash);
        await redis
          .multi()
          .hset(key, {
            record: seal(
              cipher,
              {
                user: session.user,
                scopes: session.scopes,
                createdAt: session.createdAt,
                expiresAt: session.expiresAt,
              } satisfies SealedRecord,
              recordContext(session.idHash),
            ),
            tokens: sealedTokens(session.idHash, session, session.version),
            version: String(session.version),
          })
          .pexpire(key, ttl)
          .exec();
      });
    },

    async find(idHash) {
      const fields = await guard(() => redis.hgetall(sessionKey(idHash)));
      const record = toRecord(idHash, fields);
      if (record === undefined && Object.keys(fields).length > 0) {
        // Unreadable (a retired key, an edit, a record from before sealing) or past its end by
        // our clock: the session is over.
        await guard(() => redis.del(sessionKey(idHash)));
      }
      return record;
    },

    async saveTokens(idHash, tokens, expectedVersion) {
      const written = await guard(() =>
        redis.eval(
          SAVE_TOKENS_IF_VERSION,
          1,
          sessionKey(idHash),
          String(expectedVersion),
          sealedTokens(idHash, tokens, expectedVersion + 1),
        ),
      );
      return written === 1;
    },

    async delete(idHash) {
      await guard(() => redis.del(sessionKey(idHash)));
    },

    async tryLock(idHash, holder, ttlMs) {
      const answer = await guard(() => redis.set(lockKey(idHash), holder, 'PX', ttlMs, 'NX'));
      return answer === 'OK';
    },

    async unlock(idHash, holder) {
      await guard(() => redis.eval(RELEASE_IF_HOLDER, 1, lockKey(idHash), holder));
    },

    async check() {
      await guard(() => redis.ping());
    },

    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

// Sessions in Redis (or Valkey), for several app servers: a hash per session that expires by the
// store's own TTL, a refresh lock taken with SET NX PX and released only by its holder, and
// token writes that are a compare-and-set on the session's version (one Lua script each, so
// they are atomic). Commands fail fast while Redis is away (no offline queue): the request that
// needed a session gets a 503, and the client reconnects in the background on its own.
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { openTokens, sealTokens, type SealedTokens } from './sealedTokens';
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

interface StoredTokens extends SealedTokens {
  accessIssuedAt: number;
  accessExpiresAt: number;
}

const SAVE_TOKENS_IF_VERSION = `
if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'tokens', ARGV[2], 'version', tostring(tonumber(ARGV[1]) + 1))
return 1`;

const RELEASE_IF_HOLDER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** The URL without a password, for messages and logs. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.username = '';
    return parsed.href;
  } catch {
    return 'REDIS_URL';
  }
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

  function storedTokens(idHash: string, tokens: SessionTokens): string {
    const stored: StoredTokens = {
      ...sealTokens(cipher, idHash, tokens),
      accessIssuedAt: tokens.accessIssuedAt,
      accessExpiresAt: tokens.accessExpiresAt,
    };
    return JSON.stringify(stored);
  }

  function toRecord(idHash: string, fields: Record<string, string>): SessionRecord | undefined {
    const { user, scopes, tokens, createdAt, expiresAt, version } = fields;
    if (user === undefined || tokens === undefined || expiresAt === undefined) return undefined;
    if (Number(expiresAt) <= now()) return undefined;
    const stored = JSON.parse(tokens) as StoredTokens;
    const plain = openTokens(cipher, idHash, stored);
    if (plain === undefined) return undefined;
    return {
      idHash,
      user: JSON.parse(user) as SessionUser,
      scopes: scopes === undefined || scopes === '' ? [] : scopes.split(' '),
      ...plain,
      accessIssuedAt: stored.accessIssuedAt,
      accessExpiresAt: stored.accessExpiresAt,
      createdAt: Number(createdAt),
      expiresAt: Number(expiresAt),
      version: Number(version),
    };
  }

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
            user: JSON.stringify(session.user),
            scopes: session.scopes.join(' '),
            tokens: storedTokens(session.idHash, session),
            createdAt: String(session.createdAt),
            expiresAt: String(session.expiresAt),
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
        // Unreadable (a retired key) or past its end by our clock: the session is over.
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
          storedTokens(idHash, tokens),
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

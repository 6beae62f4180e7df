// What each store keeps at rest, across a secret rotation and an upgrade, and how the Redis store
// behaves when its server is away: over real SQLite files and a real redis-server.
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir } from '../test/harness';
import { startTestRedis, type TestRedis } from '../test/redisServer';
import { createRedisSessionStore } from './redisSessionStore';
import { createSqliteSessionStore } from './sqliteSessionStore';
import { SessionStoreUnavailableError, type SessionRecord } from './store';
import { tokenCipher } from './tokenCipher';

const OLD = 'the-previous-session-secret-0123456789-abcdef';
const NEW = 'the-current-session-secret-0123456789-abcdefg';
const now = () => Date.now();

function record(idHash: string): SessionRecord {
  const at = Date.now();
  return {
    idHash,
    user: { id: 1, name: 'Alex Morgan', email: 'alex@example.com' },
    scopes: ['callPurposes.all'],
    accessToken: 'plain-access-token-AAAA',
    refreshToken: 'plain-refresh-token-BBBB',
    accessIssuedAt: at,
    accessExpiresAt: at + 7_200_000,
    createdAt: at,
    expiresAt: at + 43_200_000,
    version: 0,
  };
}

describe('SQLite session store at rest', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const fresh = () => {
    const dir = tempDir('sqlite-store');
    dirs.push(dir);
    return dir;
  };

  it('keeps no usable token in the file, and the key id beside the values', async () => {
    const dataDir = fresh();
    const store = createSqliteSessionStore({ dataDir, cipher: tokenCipher(NEW), now });
    await store.create(record('hash-1'));
    expect((await store.find('hash-1'))?.accessToken).toBe('plain-access-token-AAAA');
    await store.close();
    const db = new Database(join(dataDir, 'app.sqlite'), { readonly: true });
    const row = db.prepare('SELECT * FROM sessions').get() as Record<string, unknown>;
    db.close();
    expect(JSON.stringify(row)).not.toMatch(/plain-(access|refresh)-token/);
    expect(row.key_id).toBe(tokenCipher(NEW).keyId);
  });

  it('reads sessions sealed under SESSION_SECRET_PREVIOUS; without it they end cleanly', async () => {
    const dataDir = fresh();
    const before = createSqliteSessionStore({ dataDir, cipher: tokenCipher(OLD), now });
    await before.create(record('hash-1'));
    await before.create(record('hash-2'));
    await before.close();

    const rotated = createSqliteSessionStore({ dataDir, cipher: tokenCipher(NEW, OLD), now });
    expect((await rotated.find('hash-1'))?.refreshToken).toBe('plain-refresh-token-BBBB');
    await rotated.close();

    const forgotten = createSqliteSessionStore({ dataDir, cipher: tokenCipher(NEW), now });
    expect(await forgotten.find('hash-2')).toBeUndefined();
    await forgotten.close();
    const db = new Database(join(dataDir, 'app.sqlite'), { readonly: true });
    const left = db.prepare('SELECT id_hash FROM sessions ORDER BY id_hash').all();
    db.close();
    expect(left).toEqual([{ id_hash: 'hash-1' }]);
  });

  it('seals the plain tokens of a file from before sealing, and keeps those sessions', async () => {
    const dataDir = fresh();
    // app.sqlite as schema 1 left it: plain tokens, pending sign-ins in a table.
    const old = new Database(join(dataDir, 'app.sqlite'));
    old.exec(`CREATE TABLE sessions (
       id_hash TEXT PRIMARY KEY, user_json TEXT NOT NULL, scopes TEXT NOT NULL,
       access_token TEXT NOT NULL, refresh_token TEXT, access_issued_at INTEGER NOT NULL,
       access_expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
     CREATE INDEX sessions_expires_at ON sessions (expires_at);
     CREATE TABLE pending_logins (state TEXT PRIMARY KEY, code_verifier TEXT NOT NULL,
       return_to TEXT NOT NULL, expires_at INTEGER NOT NULL);
     CREATE INDEX pending_logins_expires_at ON pending_logins (expires_at);
     PRAGMA user_version = 1;`);
    const at = Date.now();
    old
      .prepare(
        `INSERT INTO sessions VALUES ('legacy', ?, 'callPurposes.all', 'plain-access-token-AAAA',
        'plain-refresh-token-BBBB', ?, ?, ?, ?)`,
      )
      .run(
        JSON.stringify({ id: 2, name: 'Maria Chen', email: null }),
        at,
        at + 7_200_000,
        at,
        at + 43_200_000,
      );
    old.prepare("INSERT INTO pending_logins VALUES ('s', 'v', '/', ?)").run(at + 600_000);
    old.close();

    const store = createSqliteSessionStore({ dataDir, cipher: tokenCipher(NEW), now });
    const migrated = await store.find('legacy');
    expect(migrated).toMatchObject({
      user: { name: 'Maria Chen' },
      accessToken: 'plain-access-token-AAAA',
      refreshToken: 'plain-refresh-token-BBBB',
      version: 0,
    });
    await store.close();
    const db = new Database(join(dataDir, 'app.sqlite'), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    const raw = JSON.stringify(db.prepare('SELECT * FROM sessions').all());
    db.close();
    // Pending sign-ins moved to a sealed cookie: their table is gone (later schemas add others).
    expect(tables).toContainEqual({ name: 'sessions' });
    expect(tables).not.toContainEqual({ name: 'pending_logins' });
    expect(raw).not.toMatch(/plain-(access|refresh)-token/);
  });
});

describe('Redis session store', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('keeps no usable token in Redis; the session expires by the TTL Redis keeps', async () => {
    const store = await createRedisSessionStore({ url: redis.url, cipher: tokenCipher(NEW), now });
    await store.create(record('hash-1'));
    const raw = new Redis(redis.url);
    try {
      const fields = await raw.hgetall('cpa:session:hash-1');
      expect(JSON.stringify(fields)).not.toMatch(/plain-(access|refresh)-token/);
      expect(fields.tokens?.split('.')[0]).toBe(tokenCipher(NEW).keyId);
      const ttl = await raw.pttl('cpa:session:hash-1');
      expect(ttl).toBeGreaterThan(43_000_000);
      expect(ttl).toBeLessThanOrEqual(43_200_000);
      expect(await raw.keys('*')).toEqual(['cpa:session:hash-1']);
    } finally {
      raw.disconnect();
      await store.close();
    }
  });

  it('releases the refresh lock only for its holder, and the lock lapses by itself', async () => {
    const store = await createRedisSessionStore({ url: redis.url, cipher: tokenCipher(NEW), now });
    try {
      expect(await store.tryLock('h', 'a', 60_000)).toBe(true);
      expect(await store.tryLock('h', 'b', 60_000)).toBe(false);
      await store.unlock('h', 'b');
      expect(await store.tryLock('h', 'b', 60_000)).toBe(false);
      await store.unlock('h', 'a');
      expect(await store.tryLock('h', 'b', 50)).toBe(true);
      await expect.poll(() => store.tryLock('h', 'c', 60_000)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses to start when Redis cannot be reached, saying where and why', async () => {
    const port = await freePort();
    const failure = await createRedisSessionStore({
      url: `redis://:hunter2-password@127.0.0.1:${port}/0`,
      cipher: tokenCipher(NEW),
      now,
    }).then(
      () => new Error('connected'),
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(SessionStoreUnavailableError);
    expect(failure.message).toBe(
      `Redis at redis://127.0.0.1:${port}/0 is unreachable (ECONNREFUSED).`,
    );
  });

  it('answers "unavailable" while Redis is away and recovers by itself when it returns', async () => {
    const store = await createRedisSessionStore({ url: redis.url, cipher: tokenCipher(NEW), now });
    try {
      await store.create(record('hash-2'));
      await redis.stop();
      await expect(store.find('hash-2')).rejects.toBeInstanceOf(SessionStoreUnavailableError);
      await expect(store.check()).rejects.toBeInstanceOf(SessionStoreUnavailableError);
      await redis.start();
      // No persistence: the session is gone, and the store works again without a restart.
      await expect
        .poll(
          () =>
            store.check().then(
              () => true,
              () => false,
            ),
          { timeout: 10_000 },
        )
        .toBe(true);
      expect(await store.find('hash-2')).toBeUndefined();
      await store.create(record('hash-3'));
      expect((await store.find('hash-3'))?.user.name).toBe('Alex Morgan');
    } finally {
      await store.close();
    }
  });
});

// The session service over both stores: SQLite (one process) and a real Redis started for this
// file (several app servers). The upstream's token endpoint is not what these tests are about
// (the integration tests use the real emulator): a counter stands in for it, so the lock's
// behaviour can be counted.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisSessionStore } from '../sessions/redisSessionStore';
import { createSqliteSessionStore } from '../sessions/sqliteSessionStore';
import type { SessionStore } from '../sessions/store';
import { tokenCipher } from '../sessions/tokenCipher';
import { tempDir } from '../test/harness';
import { createTestClock } from '../../testing/testClock';
import { startTestRedis, type TestRedis } from '../test/redisServer';
import { TokenGrantError, type TokenGrant } from './oauthClient';
import { createSessionService, SessionEndedError } from './sessions';

function fakeRefresher(answer: (refreshToken: string, call: number) => Promise<TokenGrant>) {
  const calls: string[] = [];
  return {
    calls,
    refresh(refreshToken: string) {
      calls.push(refreshToken);
      return answer(refreshToken, calls.length);
    },
  };
}

const grant = (n: number, refreshToken: string | null = `refresh-${n}`): TokenGrant => ({
  accessToken: `access-${n}`,
  refreshToken,
  expiresInSeconds: 7200,
  scopes: ['callPurposes.all'],
});

const SECRET = 'a-session-secret-that-is-long-enough-0123456789';

interface StoreKind {
  name: 'sqlite' | 'redis';
  /** A new store on the same backing data (another app server, for Redis). */
  open(now: () => number): Promise<SessionStore>;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** Once, after every test of the file. */
  stop(): Promise<void>;
}

function sqliteKind(): StoreKind {
  let dir = '';
  return {
    name: 'sqlite',
    setup: () => {
      dir = tempDir('app-sessions');
      return Promise.resolve();
    },
    teardown: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
    open: (now) =>
      Promise.resolve(createSqliteSessionStore({ dataDir: dir, cipher: tokenCipher(SECRET), now })),
    stop: () => Promise.resolve(),
  };
}

function redisKind(): StoreKind {
  let redis: TestRedis | undefined;
  let prefix = 0;
  return {
    name: 'redis',
    setup: async () => {
      redis ??= await startTestRedis();
      prefix += 1;
    },
    teardown: () => Promise.resolve(),
    open: (now) =>
      createRedisSessionStore({
        url: redis?.url ?? '',
        cipher: tokenCipher(SECRET),
        now,
        keyPrefix: `test${prefix}:`,
      }),
    stop: async () => redis?.stop(),
  };
}

/**
 * For the tests of one describe: the kind's fresh backing data and a test clock per test, and
 * every store a test opens closed after it.
 */
function storesPerTest(kind: StoreKind) {
  let current = createTestClock();
  const opened: SessionStore[] = [];
  beforeEach(async () => {
    await kind.setup();
    current = createTestClock();
  });
  afterEach(async () => {
    for (const each of opened.splice(0)) await each.close();
    await kind.teardown();
  });
  const now = () => current.now();
  return {
    clock: () => current,
    now,
    store: async (): Promise<SessionStore> => {
      const created = await kind.open(now);
      opened.push(created);
      return created;
    },
  };
}

const kinds = [sqliteKind(), redisKind()];

afterAll(async () => {
  for (const kind of kinds) await kind.stop();
});

describe.each(kinds)('session service on $name', (kind) => {
  const { clock, now, store } = storesPerTest(kind);
  const config = { SESSION_TTL_SECONDS: 43200, refreshLeewaySeconds: 60, REFRESH_LOCK_SECONDS: 10 };

  function openSession(service: ReturnType<typeof createSessionService>) {
    return service.open(grant(0), { id: 1, name: 'Alex Morgan', email: 'a@example.com' }, [
      'callPurposes.all',
    ]);
  }

  it('hands out the stored token while it is fresh', async () => {
    const oauth = fakeRefresher(() => Promise.resolve(grant(1)));
    const service = createSessionService({ config, store: await store(), oauth, now });
    const { id, session } = await openSession(service);
    expect((await service.find(id))?.user.name).toBe('Alex Morgan');
    await expect(service.accessToken(session)).resolves.toBe('access-0');
    expect(oauth.calls).toEqual([]);
  });

  it('refreshes once for N concurrent requests shortly before expiry', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const oauth = fakeRefresher(async (_token, call) => {
      await gate;
      return grant(call);
    });
    const service = createSessionService({ config, store: await store(), oauth, now });
    const { session } = await openSession(service);
    clock().advance((7200 - 30) * 1000); // inside the 60 s leeway
    const tokens = Promise.all(Array.from({ length: 8 }, () => service.accessToken(session)));
    release();
    expect(await tokens).toEqual(Array(8).fill('access-1'));
    expect(oauth.calls).toEqual(['refresh-0']);
    // The rotated refresh token is what the next refresh uses.
    clock().advance(7200 * 1000);
    await expect(service.accessToken(session)).resolves.toBe('access-2');
    expect(oauth.calls).toEqual(['refresh-0', 'refresh-1']);
  });

  it('refreshes once after concurrent 401s, and not again for a late 401 on the old token', async () => {
    const oauth = fakeRefresher((_token, call) => Promise.resolve(grant(call)));
    const service = createSessionService({ config, store: await store(), oauth, now });
    const { session } = await openSession(service);
    const retried = await Promise.all(
      Array.from({ length: 5 }, () => service.accessTokenAfterRejection(session, 'access-0')),
    );
    expect(retried).toEqual(Array(5).fill('access-1'));
    await expect(service.accessTokenAfterRejection(session, 'access-0')).resolves.toBe('access-1');
    expect(oauth.calls).toHaveLength(1);
  });

  it('keeps the old refresh token when the upstream does not rotate it', async () => {
    const oauth = fakeRefresher((_token, call) => Promise.resolve(grant(call, null)));
    const service = createSessionService({ config, store: await store(), oauth, now });
    const { session } = await openSession(service);
    await service.accessTokenAfterRejection(session, 'access-0');
    await service.accessTokenAfterRejection(session, 'access-1');
    expect(oauth.calls).toEqual(['refresh-0', 'refresh-0']);
  });

  it('ends the session when the refresh token is refused', async () => {
    const oauth = fakeRefresher(() =>
      Promise.reject(new TokenGrantError(400, 'invalid_grant', null)),
    );
    const service = createSessionService({ config, store: await store(), oauth, now });
    const { id, session } = await openSession(service);
    const attempts = Array.from({ length: 3 }, () =>
      service.accessTokenAfterRejection(session, 'access-0'),
    );
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(SessionEndedError);
    expect(oauth.calls).toHaveLength(1);
    expect(await service.find(id)).toBeUndefined();
  });

  it('keeps the session when the token endpoint only says "not now"', async () => {
    const oauth = fakeRefresher(() =>
      Promise.reject(new TokenGrantError(429, 'rate_limited', '30')),
    );
    const service = createSessionService({ config, store: await store(), oauth, now });
    const { id, session } = await openSession(service);
    await expect(service.accessTokenAfterRejection(session, 'access-0')).rejects.toBeInstanceOf(
      TokenGrantError,
    );
    expect(await service.find(id)).toBeDefined();
  });

  it('ends sessions after SESSION_TTL_SECONDS', async () => {
    const oauth = fakeRefresher(() => Promise.resolve(grant(1)));
    const service = createSessionService({ config, store: await store(), oauth, now });
    const { id } = await openSession(service);
    clock().advance(43200 * 1000);
    expect(await service.find(id)).toBeUndefined();
  });

  it('a signed-out session cannot be revived by a refresh that was already running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const oauth = fakeRefresher(async (_token, call) => {
      await gate;
      return grant(call);
    });
    const service = createSessionService({ config, store: await store(), oauth, now });
    const { id, session } = await openSession(service);
    const refreshing = service.accessTokenAfterRejection(session, 'access-0');
    await expect.poll(() => oauth.calls.length).toBe(1);
    await service.end(session);
    release();
    await expect(refreshing).rejects.toBeInstanceOf(SessionEndedError);
    expect(await service.find(id)).toBeUndefined();
  });
});

describe('session service on Redis, two app servers', () => {
  const redis = redisKind();
  const { clock, now, store } = storesPerTest(redis);
  const config = {
    SESSION_TTL_SECONDS: 43200,
    refreshLeewaySeconds: 60,
    REFRESH_LOCK_SECONDS: 0.3,
  };
  afterAll(async () => {
    await redis.stop();
  });

  it('a refresh storm across both instances costs one grant', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const oauth = fakeRefresher(async (_token, call) => {
      await gate;
      return grant(call);
    });
    const a = createSessionService({ config, store: await store(), oauth, now });
    const b = createSessionService({ config, store: await store(), oauth, now });
    const { id } = await a.open(grant(0), { id: 1, name: 'Alex', email: null }, []);
    const session = await b.find(id);
    expect(session?.user.name).toBe('Alex');
    clock().advance(7200 * 1000);
    const storm = Promise.all(
      [a, b].flatMap((instance) =>
        Array.from({ length: 20 }, () => instance.accessToken(session!)),
      ),
    );
    await expect.poll(() => oauth.calls.length).toBe(1);
    release();
    expect(await storm).toEqual(Array(40).fill('access-1'));
    expect(oauth.calls).toEqual(['refresh-0']);
  });

  it('when the holder stalls past its lock, the other takes over and the stale write is refused', async () => {
    const gates: (() => void)[] = [];
    const oauth = fakeRefresher(
      (_token, call) =>
        new Promise<TokenGrant>((resolve) => gates.push(() => resolve(grant(call)))),
    );
    const a = createSessionService({ config, store: await store(), oauth, now });
    const b = createSessionService({ config, store: await store(), oauth, now });
    const { session } = await a.open(grant(0), { id: 1, name: 'Alex', email: null }, []);

    const slow = a.accessTokenAfterRejection(session, 'access-0');
    await expect.poll(() => oauth.calls.length).toBe(1);
    // B waits while A holds the lock; A's lock lapses after 300 ms and B performs its own grant.
    const takeover = b.accessTokenAfterRejection(session, 'access-0');
    await expect.poll(() => oauth.calls.length, { timeout: 5_000 }).toBe(2);
    gates[1]?.();
    await expect(takeover).resolves.toBe('access-2');
    // A's grant finally answers: its compare-and-set fails, and it hands out B's newer token.
    gates[0]?.();
    await expect(slow).resolves.toBe('access-2');
    const stored = await (await store()).find(session.idHash);
    expect(stored?.accessToken).toBe('access-2');
    expect(stored?.version).toBe(1);
  });
});

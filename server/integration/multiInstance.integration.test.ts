// Two app server processes sharing one Redis, in front of the emulator started on its own
// (`server/emulator/main.ts`, as `npm run emulator` runs it). A recording relay sits between the
// app servers and the emulator's token endpoint: it counts refresh grants, and can hold one
// in flight so an app server can be killed in the middle of a refresh.
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { startEmulatorProcess, type EmulatorProcess } from '../emulator/test/emulatorProcess';
import { createRedisSessionStore } from '../app/sessions/redisSessionStore';
import { tokenCipher } from '../app/sessions/tokenCipher';
import {
  browser,
  CookieJar,
  freePort,
  signIn,
  startProcess,
  tempDir,
  type Browser,
} from '../app/test/harness';
import { startTestPostgres, type TestPostgres } from '../app/test/postgresServer';
import { startTestRedis, type TestRedis } from '../app/test/redisServer';
import type { HistoryPageDocument } from '../../shared/historyDocument';
import { startRelay, type RelayedRequest } from '../app/test/relay';

interface TokenRelay {
  url: string;
  /** Refresh grants the emulator answered with 200. */
  refreshGrants(): number;
  /** Refresh requests held (never forwarded) while holding is on. */
  held(): number;
  hold(on: boolean): void;
  close(): Promise<void>;
}

/** The shared relay, counting refresh grants and holding refresh requests while told to. */
async function startTokenRelay(target: string): Promise<TokenRelay> {
  let granted = 0;
  let holding = false;
  let heldCount = 0;
  const isRefresh = (request: RelayedRequest) =>
    request.url.startsWith('/oauth/token') &&
    new URLSearchParams(request.body.toString()).get('grant_type') === 'refresh_token';
  const relay = await startRelay(target, {
    onRequest(request) {
      if (!holding || !isRefresh(request)) return 'forward';
      heldCount += 1;
      return 'keep';
    },
    onAnswer(request, status) {
      if (status === 200 && isRefresh(request)) granted += 1;
    },
  });
  return {
    url: relay.url,
    refreshGrants: () => granted,
    held: () => heldCount,
    hold(on) {
      holding = on;
    },
    close: () => relay.close(),
  };
}

const LIST = '/api/v2/callPurposes?sort=order';
const SECRET = randomBytes(48).toString('base64url');

type Started = Awaited<ReturnType<typeof startProcess>>;

describe('two app servers sharing one Redis', () => {
  const emulatorData = tempDir('multi-emulator');
  const dataDirs = [tempDir('multi-a'), tempDir('multi-b')];
  let redis: TestRedis;
  let postgres: TestPostgres;
  let emulator: EmulatorProcess;
  let relay: TokenRelay;
  let emulatorUrl: string;
  let a: Started;
  let b: Started;
  let urlA: string;
  let urlB: string;

  function startApp(port: number, dataDir: string, publicUrl: string): Promise<Started> {
    return startProcess(
      'server/server.ts',
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        PUBLIC_URL: publicUrl,
        OUTREACH_API_URL: `${emulatorUrl}/api/v2`,
        OUTREACH_OAUTH_URL: `${relay.url}/oauth`,
        OUTREACH_CLIENT_ID: SEEDED_CLIENT.clientId,
        OUTREACH_CLIENT_SECRET: SEEDED_CLIENT.clientSecret,
        SESSION_SECRET: SECRET,
        REDIS_URL: redis.url,
        DATABASE_URL: postgres.url,
        REFRESH_LOCK_SECONDS: '1',
      },
      /ready .*open http/,
    );
  }

  /** One browser: the same cookies whichever app server the load balancer picks. */
  function person(): { jar: CookieJar; viaA: Browser; viaB: Browser } {
    const jar = new CookieJar();
    return { jar, viaA: browser(urlA, jar), viaB: browser(urlB, jar) };
  }

  /** Moves a session's access token past its expiry, as the passing of two hours would. */
  async function expireAccessToken(jar: CookieJar): Promise<void> {
    const signed = decodeURIComponent(jar.get('cpa_session') ?? '');
    const idHash = createHash('sha256')
      .update(signed.slice(0, signed.lastIndexOf('.')))
      .digest('base64url');
    const store = await createRedisSessionStore({
      url: redis.url,
      cipher: tokenCipher(SECRET),
      now: Date.now,
    });
    try {
      const session = await store.find(idHash);
      if (session === undefined) throw new Error('no session in Redis');
      const past = Date.now() - 60_000;
      const written = await store.saveTokens(
        idHash,
        { ...session, accessIssuedAt: past - 7_200_000, accessExpiresAt: past },
        session.version,
      );
      expect(written).toBe(true);
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startTestRedis(), startTestPostgres()]);
    emulator = await startEmulatorProcess(emulatorData);
    emulatorUrl = emulator.url;
    relay = await startTokenRelay(emulatorUrl);
    const [portA, portB] = [await freePort(), await freePort()];
    urlA = `http://127.0.0.1:${portA}`;
    urlB = `http://127.0.0.1:${portB}`;
    // Both answer for one public origin, as two instances behind a load balancer do.
    [a, b] = await Promise.all([
      startApp(portA, dataDirs[0] ?? '', urlA),
      startApp(portB, dataDirs[1] ?? '', urlA),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await relay?.close();
    await emulator?.stop();
    await redis?.stop();
    await postgres?.stop();
    for (const dir of [emulatorData, ...dataDirs]) rmSync(dir, { recursive: true, force: true });
  });

  it('both are ready: their sessions in Redis answer, and so does the upstream', async () => {
    for (const url of [urlA, urlB]) {
      const response = await fetch(`${url}/readyz`);
      expect(await response.json()).toEqual({
        ok: true,
        checks: { sessionStore: 'ok', upstream: 'ok' },
        counters: { historyEntriesNotRecorded: 0 },
      });
    }
  });

  it('keeps one history for both: a change made through A and one through B, read from either', async () => {
    const maria = person();
    await signIn(maria.viaA, { as: 'Maria Chen' });
    const rename = (via: Browser, id: number, name: string) =>
      via.fetch(`/api/v2/callPurposes/${id}`, {
        method: 'PATCH',
        headers: { origin: urlA, 'content-type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'callPurpose', id, attributes: { name } } }),
      });
    expect((await rename(maria.viaA, 4, 'Demo via A')).status).toBe(200);
    expect((await rename(maria.viaB, 5, 'Follow Up via B')).status).toBe(200);
    for (const via of [maria.viaA, maria.viaB]) {
      const history = (await (
        await via.fetch('/api/history/changes')
      ).json()) as HistoryPageDocument;
      expect(history.data.map((change) => change.attributes.description).slice(0, 2)).toEqual([
        expect.stringMatching(/ to “Follow Up via B”$/),
        expect.stringMatching(/ to “Demo via A”$/),
      ]);
    }
  });

  it('a session opened through A works through B, and signing out on B ends it on A', async () => {
    const maria = person();
    const result = await signIn(maria.viaA, { as: 'Maria Chen', returnTo: '/call-purposes/4' });
    expect(result.location).toBe('/call-purposes/4');
    const session = await maria.viaB.fetch('/auth/session');
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { name: 'Maria Chen' } });
    expect((await maria.viaB.fetch(LIST)).status).toBe(200);

    const cookie = maria.jar.header();
    const logout = await maria.viaB.fetch('/auth/logout', {
      method: 'POST',
      headers: { origin: urlA },
    });
    expect(logout.status).toBe(204);
    // The cookie still works nowhere: the session is gone from Redis, not just from the browser.
    for (const url of [urlA, urlB]) {
      const replay = await fetch(`${url}/auth/session`, { headers: { cookie } });
      expect(replay.status).toBe(401);
    }
  });

  it('20 concurrent requests at each of A and B after expiry cost exactly one refresh grant', async () => {
    const alex = person();
    await signIn(alex.viaA, { as: 'Alex Morgan' });
    await expireAccessToken(alex.jar);
    const before = relay.refreshGrants();
    const responses = await Promise.all(
      [alex.viaA, alex.viaB].flatMap((via) => Array.from({ length: 20 }, () => via.fetch(LIST))),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(200));
    expect(relay.refreshGrants() - before).toBe(1);
  });

  it('while Redis is away: 503 "sign-in storage is unavailable", not ready; then recovers by itself', async () => {
    const sam = person();
    await signIn(sam.viaA, { as: 'Sam Patel', returnTo: '/call-purposes/3' });
    await redis.stop();
    for (const path of ['/auth/session', LIST]) {
      const response = await sam.viaB.fetch(path);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/vnd.api+json');
      expect(await response.json()).toMatchObject({
        errors: [{ id: 'sessionStoreUnavailable', title: 'Sign-in storage is unavailable' }],
      });
    }
    expect((await fetch(`${urlB}/readyz`)).status).toBe(503);
    // Starting a sign-in needs no storage: the pending sign-in travels in a cookie.
    expect((await sam.viaB.fetch('/auth/login')).status).toBe(302);

    await redis.start();
    await expect
      .poll(async () => (await fetch(`${urlB}/readyz`)).status, { timeout: 15_000 })
      .toBe(200);
    // Redis came back empty (no persistence): the user signs in again and lands where they were.
    expect((await sam.viaB.fetch('/auth/session')).status).toBe(401);
    const again = await signIn(sam.viaA, { as: 'Sam Patel', returnTo: '/call-purposes/3' });
    expect(again.location).toBe('/call-purposes/3');
    expect((await sam.viaB.fetch(LIST)).status).toBe(200);
  });

  it('when A dies in the middle of a refresh, B takes over and completes', async () => {
    const alex = person();
    await signIn(alex.viaA, { as: 'Alex Morgan' });
    await expireAccessToken(alex.jar);
    const before = relay.refreshGrants();
    relay.hold(true);
    const onA = alex.viaA.fetch(LIST).catch((error: unknown) => error);
    await expect.poll(() => relay.held(), { timeout: 10_000 }).toBe(1);
    a.child.kill('SIGKILL');
    expect(await onA).toBeInstanceOf(Error);
    relay.hold(false);

    // A's lock lapses after REFRESH_LOCK_SECONDS; B then performs the grant itself.
    const onB = await alex.viaB.fetch(LIST);
    expect(onB.status).toBe(200);
    expect(relay.refreshGrants() - before).toBe(1);
    expect((await alex.viaB.fetch('/auth/session')).status).toBe(200);
  });
});

describe('an app server whose Redis is away', () => {
  it('refuses to start, saying which Redis and why', async () => {
    const port = await freePort();
    const dataDir = tempDir('no-redis');
    const failure = await startProcess(
      'server/server.ts',
      {
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        SESSION_SECRET: SECRET,
        REDIS_URL: `redis://:secret-password@127.0.0.1:${port}/0`,
        // Never reached: the session store is opened first.
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/history',
      },
      /never/,
    ).then(
      () => new Error('started'),
      (error: Error) => error,
    );
    expect(failure.message).toContain('exited with 1');
    expect(failure.message).toContain(
      `The app server cannot start: its session store is unreachable. Redis at redis://127.0.0.1:${port}/0 is unreachable (ECONNREFUSED).`,
    );
    expect(failure.message).not.toContain('secret-password');
    rmSync(dataDir, { recursive: true, force: true });
  });
});

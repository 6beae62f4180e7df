// The composed server (app server + embedded emulator), over real HTTP on a fresh DATA_DIR:
// sign-in through the consent page, the session, the proxy, refresh and the SPA fallback.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULTS } from '../emulator/config';
import { RATE_LIMIT_WINDOW_MS } from '../emulator/http/rateLimit';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { createTestClock } from '../testing/testClock';
import { tokenFor } from '../emulator/test/harness';
import { createSqliteSessionStore } from '../app/sessions/sqliteSessionStore';
import type { SessionStore } from '../app/sessions/store';
import { tokenCipher } from '../app/sessions/tokenCipher';
import { browser, signIn, tempDir, type Browser } from '../app/test/harness';
import { startComposed, type ComposedServer } from './composedServer';

type Running = ComposedServer;

/** The stored row key of a browser's session: SHA-256 of the id inside the signed cookie. */
function sessionKey(client: Browser): string {
  const signed = decodeURIComponent(client.jar.get('cpa_session') ?? '');
  return createHash('sha256')
    .update(signed.slice(0, signed.lastIndexOf('.')))
    .digest('base64url');
}

/**
 * The app's own session store, opened beside the server on the same file and secret, to read
 * the tokens it keeps and to simulate revoked ones (SQLite allows a second connection).
 */
async function withStore<T>(server: Running, use: (store: SessionStore) => Promise<T>) {
  const store = createSqliteSessionStore({
    dataDir: server.dataDir,
    cipher: tokenCipher(server.config.SESSION_SECRET),
    now: Date.now,
  });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

function storedTokens(server: Running, client: Browser) {
  return withStore(server, (store) => store.find(sessionKey(client)));
}

/** Replaces the stored tokens of a browser's session, as a revocation upstream would. */
function tamper(
  server: Running,
  client: Browser,
  tokens: { accessToken: string; refreshToken?: string },
) {
  return withStore(server, async (store) => {
    const session = await store.find(sessionKey(client));
    if (session === undefined) throw new Error('no session to tamper with');
    await store.saveTokens(session.idHash, { ...session, ...tokens }, session.version);
  });
}

/** Every row in app.sqlite, all tables together. */
function appRowCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'app.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    return tables.reduce(
      (sum, { name }) =>
        sum + (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      0,
    );
  } finally {
    db.close();
  }
}

const LIST = '/api/v2/callPurposes?provideAuthorizationMeta=true&include=creator&sort=order';
const JSONAPI = 'application/vnd.api+json';

describe('app server with the embedded emulator', () => {
  // Stands still: sessions, codes and rate-limit windows are all stamped with this moment.
  const clock = createTestClock();
  let server: Running;
  let alex: Browser;

  beforeAll(async () => {
    server = await startComposed({ build: { clock } });
    alex = browser(server.url);
    const result = await signIn(alex, { as: 'Alex Morgan', returnTo: '/call-purposes/3/edit?x=1' });
    expect(result.location).toBe('/call-purposes/3/edit?x=1');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers /readyz with each dependency it needs: its sessions and the emulator database', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      ok: true,
      checks: { emulatorDatabase: 'ok', sessionStore: 'ok' },
      counters: { historyEntriesNotRecorded: 0 },
    });
  });

  it('leaves every path under /emulator to the emulator, whatever the request accepts', async () => {
    const bearer = { authorization: `Bearer ${tokenFor(server.dataDir, 'admin')}` };
    const accepts: Record<string, string>[] = [
      {},
      { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    ];
    for (const accept of accepts) {
      // Without a token the emulator's guard answers, with its Bearer challenge.
      const anonymous = await fetch(`${server.url}/emulator/api/v2/nothingHere`, {
        headers: accept,
      });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="outreach"');
      expect(anonymous.headers.get('content-type')).toContain(JSONAPI);
      expect((await anonymous.json()) as unknown).toMatchObject({
        errors: [{ id: 'unauthorized' }],
      });

      const known = await fetch(`${server.url}/emulator/api/v2/nothingHere`, {
        headers: { ...accept, ...bearer },
      });
      expect(known.status).toBe(404);
      expect(known.headers.get('content-type')).toContain(JSONAPI);
      expect(known.headers.get('x-ratelimit-limit')).toBe('10000');
      expect(known.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect((await known.json()) as unknown).toEqual({
        errors: [
          {
            id: 'resourceNotFound',
            title: 'Resource Not Found',
            detail: 'No endpoint GET /emulator/api/v2/nothingHere.',
          },
        ],
      });

      const outsideApi = await fetch(`${server.url}/emulator/nothingHere`, { headers: accept });
      expect(outsideApi.status).toBe(404);
      expect((await outsideApi.json()) as unknown).toMatchObject({
        errors: [{ id: 'resourceNotFound', detail: 'No endpoint GET /emulator/nothingHere.' }],
      });
    }
  });

  it("writes the embedded emulator's links under /emulator, so following them stays there", async () => {
    const bearer = { authorization: `Bearer ${tokenFor(server.dataDir, 'admin')}` };
    const first = await fetch(
      `${server.url}/emulator/api/v2/callPurposes?page[size]=2&sort=order`,
      {
        headers: bearer,
      },
    );
    const page = (await first.json()) as {
      links: { next?: string };
      data: { id: number; links: { self: string } }[];
    };
    expect(page.links.next).toMatch(
      /^\/emulator\/api\/v2\/callPurposes\?page\[size\]=2&sort=order&page\[after\]=/,
    );
    expect(page.data[0]?.links.self).toBe(`/emulator/api/v2/callPurposes/${page.data[0]?.id}`);
    const second = await fetch(new URL(page.links.next ?? '', server.url), { headers: bearer });
    expect(second.status).toBe(200);
    const next = (await second.json()) as { data: { id: number }[] };
    expect(next.data).toHaveLength(2);
    expect(next.data.map((item) => item.id)).not.toContain(page.data[0]?.id);
  });

  it('keeps no row for a sign-in that was only started: 1,000 of them leave storage as it was', async () => {
    const before = appRowCount(server.dataDir);
    for (let batch = 0; batch < 20; batch += 1) {
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(`${server.url}/auth/login?returnTo=/call-purposes`, { redirect: 'manual' }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(302));
    }
    expect(appRowCount(server.dataDir)).toBe(before);
  });

  it('carries the pending sign-in in a sealed, HttpOnly, 10-minute cookie the browser cannot read or alter', async () => {
    const client = browser(server.url);
    const login = await client.fetch('/auth/login?returnTo=/call-purposes/7/edit');
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const header = client.jar.seen.find((cookie) => cookie.startsWith('cpa_login=')) ?? '';
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/Max-Age=600/i);
    const value = decodeURIComponent(client.jar.get('cpa_login') ?? '');
    expect(value).not.toContain(state);
    expect(value).not.toContain('call-purposes');
    // Any change to the sealed value makes the callback refuse it. (A character in the middle:
    // the last base64url character may carry only padding bits, which decoding ignores.)
    const middle = Math.floor(value.length / 2);
    const altered = value[middle] === 'A' ? 'B' : 'A';
    client.jar.set(
      'cpa_login',
      encodeURIComponent(value.slice(0, middle) + altered + value.slice(middle + 1)),
    );
    const callback = await client.fetch(`/auth/callback?code=abc&state=${state}`);
    expect(callback.headers.get('location')).toBe('/sign-in?error=invalid_state');
  });

  it('ends the previous session server-side when the same browser signs in again', async () => {
    const client = browser(server.url);
    await signIn(client, { as: 'Maria Chen' });
    const firstCookie = client.jar.header();
    await signIn(client, { as: 'Sam Patel' });
    const session = (await (await client.fetch('/auth/session')).json()) as {
      user: { name: string };
    };
    expect(session.user.name).toBe('Sam Patel');
    const replay = await fetch(`${server.url}/auth/session`, { headers: { cookie: firstCookie } });
    expect(replay.status).toBe(401);
  });

  it('starts sign-in at the upstream with state, PKCE S256 and the callPurposes.all calls.read scopes', async () => {
    const response = await browser(server.url).fetch('/auth/login?returnTo=/call-purposes');
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${server.url}/emulator/oauth/authorize`);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({
      client_id: SEEDED_CLIENT.clientId,
      redirect_uri: `${server.url}/auth/callback`,
      response_type: 'code',
      scope: 'callPurposes.all calls.read',
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^[\w-]{43}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(params)).not.toContain(SEEDED_CLIENT.clientSecret);
  });

  it('opens an HttpOnly, SameSite=Lax session and reports who is signed in', async () => {
    const cookie = alex.jar.seen.find((header) => header.startsWith('cpa_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const response = await alex.fetch('/auth/session');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { user: unknown; scopes: string[]; expiresAt: string };
    expect(body.user).toEqual({ id: 1, name: 'Alex Morgan', email: 'alex.morgan@example.com' });
    expect(body.scopes).toEqual(['callPurposes.all', 'calls.read']);
    expect(server.config.SESSION_TTL_SECONDS).toBe(12 * 3600);
    expect(body.expiresAt).toBe(
      new Date(clock.now() + server.config.SESSION_TTL_SECONDS * 1000).toISOString(),
    );
  });

  it('keeps tokens out of the browser: the cookie holds only a signed random id', async () => {
    const value = decodeURIComponent(alex.jar.get('cpa_session') ?? '');
    const tokens = await storedTokens(server, alex);
    expect(tokens?.accessToken).toMatch(/^[\w-]{43}$/);
    expect(value).not.toContain(tokens?.accessToken);
    expect(value).toMatch(/^[\w-]{43}\.[\w+/=-]+$/);
  });

  it('says 401 to /auth/session and /api/v2 without a session, or with a forged cookie', async () => {
    for (const cookie of [undefined, 'cpa_session=forged.signature']) {
      const headers = cookie === undefined ? undefined : { cookie };
      for (const path of ['/auth/session', LIST]) {
        const response = await fetch(`${server.url}${path}`, { headers });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ errors: [{ id: 'unauthenticated' }] });
      }
    }
  });

  it('proxies the list with the bearer token and passes back rate-limit headers', async () => {
    const response = await alex.fetch(LIST, { headers: { accept: JSONAPI } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(JSONAPI);
    expect(response.headers.get('x-ratelimit-limit')).toBe(String(EMULATOR_DEFAULTS.rateLimit));
    expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    // Epoch seconds of the next hour boundary after now.
    const resetMs = Number(response.headers.get('x-ratelimit-reset')) * 1000;
    expect(resetMs % RATE_LIMIT_WINDOW_MS).toBe(0);
    expect(resetMs).toBeGreaterThan(clock.now());
    expect(resetMs).toBeLessThanOrEqual(clock.now() + RATE_LIMIT_WINDOW_MS);
    expect(response.headers.get('set-cookie')).toBeNull();
    const body = (await response.json()) as {
      data: { attributes: { name: string }; meta: { canWrite: boolean } }[];
    };
    expect(body.data.map((item) => item.attributes.name).slice(0, 3)).toEqual([
      'Initial Contact',
      'Follow Up',
      'Discovery Call',
    ]);
    expect(body.data[0]?.meta.canWrite).toBe(true);
  });

  it('hands back links the browser can follow through the proxy', async () => {
    const first = await alex.fetch('/api/v2/callPurposes?page[size]=3&sort=order');
    const page = (await first.json()) as {
      links: { next?: string };
      data: { id: number; links: { self: string } }[];
    };
    expect(page.data).toHaveLength(3);
    expect(page.links.next).toMatch(/^\/api\/v2\/callPurposes\?/);
    expect(page.data[0]?.links.self).toBe(`/api/v2/callPurposes/${page.data[0]?.id}`);
    const second = await alex.fetch(page.links.next ?? '');
    expect(second.status).toBe(200);
  });

  it('forwards a create and its body unchanged; the upstream judges the media type', async () => {
    const create = await alex.fetch('/api/v2/callPurposes', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': JSONAPI, accept: JSONAPI },
      body: JSON.stringify({ data: { type: 'callPurpose', attributes: { name: 'Proxy test' } } }),
    });
    expect(create.status).toBe(201);
    const created = (await create.json()) as { data: { id: number; attributes: { name: string } } };
    expect(created.data.attributes.name).toBe('Proxy test');

    const read = await alex.fetch(`/api/v2/callPurposes/${created.data.id}`);
    expect(read.status).toBe(200);

    const wrongType = await alex.fetch('/api/v2/callPurposes', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'text/plain' },
      body: 'name=nope',
    });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ errors: [{ id: 'unsupportedMediaType' }] });

    const invalid = await alex.fetch('/api/v2/callPurposes', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': JSONAPI },
      body: JSON.stringify({ data: { type: 'callPurpose', attributes: { name: '  ' } } }),
    });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({
      errors: [{ source: { pointer: '/data/attributes/name' } }],
    });
  });

  it('ignores the browser Authorization header: the session token is what reaches upstream', async () => {
    const response = await alex.fetch(LIST, { headers: { authorization: 'Bearer not-a-token' } });
    expect(response.status).toBe(200);
  });

  it('refuses state-changing requests from other origins', async () => {
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'http://localhost:1' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const response = await alex.fetch('/api/v2/callPurposes/5', {
        method: 'DELETE',
        headers,
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errors: [{ id: 'crossOriginRequest' }] });
    }
    expect((await alex.fetch('/api/v2/callPurposes/5')).status).toBe(200);
  });

  it('answers unknown /api and /auth paths with JSON 404s, and passes upstream 404s through', async () => {
    for (const path of ['/api/v3/callPurposes', '/api', '/auth/nope', '/api/unknown']) {
      const response = await alex.fetch(path, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('json');
      expect(await response.json()).toMatchObject({ errors: [{ id: 'notFound' }] });
    }
    const missing = await alex.fetch('/api/v2/callPurposes/999999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errors: [{ id: 'resourceNotFound' }] });
  });

  it('serves the SPA: deep links get index.html, hashed assets are cached for good', async () => {
    for (const path of ['/', '/call-purposes', '/call-purposes/3/edit', '/sign-in?error=x']) {
      const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
    const asset = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missingAsset = await fetch(`${server.url}/assets/gone.js`, {
      headers: { accept: '*/*' },
    });
    expect(missingAsset.status).toBe(404);
  });

  it("preloads a signed-in page's session and list from index.html, and nothing without a session", async () => {
    const session = '</auth/session>; rel=preload; as=fetch; crossorigin';
    const list =
      '</api/v2/callPurposes?provideAuthorizationMeta=true&include=creator&page%5Bsize%5D=1000>; rel=preload; as=fetch; crossorigin';
    const linkOf = async (client: Browser, path: string) => {
      const response = await client.fetch(path, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type')).toContain('text/html');
      // No validators: a 304 would keep the Link of whoever asked before.
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('last-modified')).toBeNull();
      return response.headers.get('link');
    };
    for (const path of ['/', '/call-purposes', '/call-purposes/3/edit']) {
      expect(await linkOf(alex, path)).toBe(`${session}, ${list}`);
    }
    expect(await linkOf(alex, '/somewhere-else')).toBe(session);
    expect(await linkOf(alex, '/sign-in')).toBeNull();
    const stranger = browser(server.url);
    for (const path of ['/', '/call-purposes', '/sign-in']) {
      expect(await linkOf(stranger, path)).toBeNull();
    }
    // What is preloaded is what the proxy answers, without the JSON:API Accept the SPA sends.
    const preloaded = await alex.fetch(list.slice(1, list.indexOf('>')), {
      headers: { accept: '*/*' },
    });
    expect(preloaded.status).toBe(200);
    expect(preloaded.headers.get('content-type')).toContain('application/vnd.api+json');
  });

  it('rejects unknown, replayed and foreign states, and reports a denied consent', async () => {
    const stranger = browser(server.url);
    const unknown = await stranger.fetch('/auth/callback?code=abc&state=made-up');
    expect(unknown.status).toBe(302);
    expect(unknown.headers.get('location')).toBe('/sign-in?error=invalid_state');

    const client = browser(server.url);
    const signedIn = await signIn(client, { as: 'Sam Patel' });
    expect(signedIn.location).toBe('/call-purposes');
    const replay = await client.fetch(signedIn.callbackUrl.href);
    expect(replay.headers.get('location')).toBe('/sign-in?error=invalid_state');

    // A callback URL from someone else's sign-in does not work in this browser (login CSRF).
    const victim = browser(server.url);
    const attacker = browser(server.url);
    const login = await attacker.fetch('/auth/login');
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state');
    const foreign = await victim.fetch(`/auth/callback?code=abc&state=${state}`);
    expect(foreign.headers.get('location')).toBe('/sign-in?error=invalid_state');

    const denied = await signIn(browser(server.url), {
      decision: 'deny',
      returnTo: '/call-purposes/new',
    });
    expect(denied.location).toBe('/sign-in?error=access_denied&returnTo=%2Fcall-purposes%2Fnew');
  });

  it('never redirects off-site after sign-in', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const result = await signIn(browser(server.url), { returnTo });
      expect(result.location).toBe('/call-purposes');
    }
  });

  it('shows the emulator user and role through the session for each seeded user', async () => {
    const maria = browser(server.url);
    await signIn(maria, { as: 'Maria Chen' });
    const session = (await (await maria.fetch('/auth/session')).json()) as {
      user: { name: string };
    };
    expect(session.user.name).toBe('Maria Chen');
    const list = (await (await maria.fetch(LIST)).json()) as {
      data: { attributes: { name: string }; meta: { canWrite: boolean } }[];
    };
    const locked = list.data.find((item) => item.attributes.name === 'Initial Contact');
    expect(locked?.meta.canWrite).toBe(false);
  });

  it('refreshes and retries once when the upstream rejects the access token', async () => {
    const client = browser(server.url);
    await signIn(client);
    const before = await storedTokens(server, client);
    await tamper(server, client, { accessToken: 'revoked' });
    const response = await client.fetch(LIST);
    expect(response.status).toBe(200);
    const after = await storedTokens(server, client);
    expect(after?.accessToken).not.toBe('revoked');
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
  });

  it('ends the session when its refresh token is refused', async () => {
    const client = browser(server.url);
    await signIn(client, { as: 'Maria Chen' });
    expect((await client.fetch('/auth/session')).status).toBe(200);
    await tamper(server, client, { accessToken: 'revoked', refreshToken: 'revoked' });
    const response = await client.fetch(LIST);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ id: 'unauthenticated' }] });
    expect((await client.fetch('/auth/session')).status).toBe(401);
  });

  it('signs out only from its own origin, then forgets the session', async () => {
    const client = browser(server.url);
    await signIn(client);
    const crossSite = await client.fetch('/auth/logout', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await client.fetch('/auth/session')).status).toBe(200);

    const cookie = client.jar.header();
    const logout = await client.fetch('/auth/logout', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
    });
    expect(logout.status).toBe(204);
    expect((await client.fetch('/auth/session')).status).toBe(401);
    // The old cookie is dead server-side too, not just cleared in the browser.
    const replay = await fetch(`${server.url}/auth/session`, { headers: { cookie } });
    expect(replay.status).toBe(401);
  });
});

describe('app server as its tokens and sessions age', () => {
  const TOKEN_TTL_SECONDS = 3600;
  const clock = createTestClock();
  let server: Running;

  beforeAll(async () => {
    server = await startComposed({
      build: { emulator: { tokenTtlSeconds: TOKEN_TTL_SECONDS }, clock },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refreshes an expiring token once for concurrent requests and keeps working', async () => {
    const client = browser(server.url);
    await signIn(client);
    expect((await client.fetch(LIST)).status).toBe(200);
    const first = await storedTokens(server, client);

    clock.advance(TOKEN_TTL_SECONDS * 1000);
    // Refresh tokens rotate: had two of these refreshed with the same one, the second refresh
    // would be refused and the session would end with a 401.
    const responses = await Promise.all(Array.from({ length: 6 }, () => client.fetch(LIST)));
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(200));
    const second = await storedTokens(server, client);
    expect(second?.accessToken).not.toBe(first?.accessToken);
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    expect(second?.version).toBe((first?.version ?? 0) + 1);

    clock.advance(TOKEN_TTL_SECONDS * 1000);
    expect((await client.fetch(LIST)).status).toBe(200);
    const third = await storedTokens(server, client);
    expect(third?.accessToken).not.toBe(second?.accessToken);
    expect((await client.fetch('/auth/session')).status).toBe(200);
  });

  it('ends the session after SESSION_TTL_SECONDS, refreshing or not', async () => {
    const client = browser(server.url);
    await signIn(client);
    const ttlMs = server.config.SESSION_TTL_SECONDS * 1000;
    clock.advance(ttlMs - 1);
    expect((await client.fetch('/auth/session')).status).toBe(200);
    clock.advance(1);
    const session = await client.fetch('/auth/session');
    expect(session.status).toBe(401);
    expect(await session.json()).toMatchObject({ errors: [{ id: 'unauthenticated' }] });
    expect((await client.fetch(LIST)).status).toBe(401);
  });
});

describe('app server without a built SPA', () => {
  let server: Running;

  beforeAll(async () => {
    server = await startComposed({ distDir: join(tempDir('no-dist'), 'dist') });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('says how to build it instead of crashing, while /auth and /api keep working', async () => {
    const page = await fetch(`${server.url}/call-purposes`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    const client = browser(server.url);
    expect((await signIn(client)).location).toBe('/call-purposes');
    expect((await client.fetch(LIST)).status).toBe(200);
  });
});

// Issue 8, tried as an attacker and as a careful operator would, over real HTTP against the
// composed server (app server + embedded emulator) on a fresh DATA_DIR: no open redirect after
// sign-in, links rewritten but never data, compressed assets and JSON, security headers on
// every answer, and slow clients cut off.
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFile } from '../../scripts/precompress';
import { KEPT_RETURN_TO, REFUSED_RETURN_TO } from '../../shared/returnTo.cases';
import { DEFAULT_RETURN_TO } from '../../shared/returnTo';
import { tokenFor } from '../emulator/test/harness';
import { browser, fakeDist, signIn, type Browser } from '../app/test/harness';
import type { BuildOptions } from '../buildApp';
import { startComposed, type ComposedServer } from './composedServer';

const JSONAPI = 'application/vnd.api+json';

/** A dist/ as `vite build` leaves it: a sizeable hashed script, with its .br and .gz copies. */
function builtDist(): string {
  const dir = fakeDist();
  const script = `export const rows = ${JSON.stringify(
    Array.from({ length: 200 }, (_, i) => ({ id: i, name: `purpose ${i}` })),
  )};`;
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
  for (const file of ['index.html', 'assets/index-abc123.js']) precompressFile(join(dir, file));
  return dir;
}

/** The composed server on a built dist/, with `env` settings and build `options`. */
function start(
  env: Record<string, string> = {},
  build: BuildOptions = {},
): Promise<ComposedServer> {
  return startComposed({ env, build, distDir: builtDist() });
}

/** One request over node:http, body as sent on the wire (no decompression). */
function raw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(response: { headers: IncomingHttpHeaders; body: Buffer }): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

describe('the composed server, hardened', () => {
  let server: ComposedServer;
  let alex: Browser;

  beforeAll(async () => {
    server = await start();
    alex = browser(server.url);
    await signIn(alex, { as: 'Alex Morgan' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('no open redirect: the consent round trip ends on the app', () => {
    // The same table the SPA's sign-in URLs are tested against (src/features/auth/signInUrls.test.ts).
    it.each(REFUSED_RETURN_TO)('returnTo=%j ends on the list', async (returnTo) => {
      const result = await signIn(browser(server.url), { returnTo });
      expect(result.status).toBe(302);
      expect(result.location).toBe(DEFAULT_RETURN_TO);
      expect(new URL(result.location ?? '', server.url).origin).toBe(server.url);
    });

    it.each(KEPT_RETURN_TO)('returnTo=%j ends on %j', async (returnTo, expected) => {
      const result = await signIn(browser(server.url), { returnTo });
      expect(result.location).toBe(expected);
    });
  });

  it('a query its route schema refuses is a JSON:API 400 naming the parameter, and signs nobody in', async () => {
    const response = await fetch(`${server.url}/auth/login?returnTo=/a&returnTo=/b`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.api\+json/);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toEqual({
      errors: [
        {
          id: 'validationError',
          title: 'Bad Request',
          detail: 'returnTo must be string.',
          source: { parameter: 'returnTo' },
        },
      ],
    });
  });

  it('a purpose named `/emulator/api/v2/ says "/emulator/api/v2/x"` reads back unchanged through /api/v2', async () => {
    const name = '/emulator/api/v2/ says "/emulator/api/v2/x"';
    const created = await alex.fetch('/api/v2/callPurposes', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': JSONAPI },
      body: JSON.stringify({ data: { type: 'callPurpose', attributes: { name } } }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as {
      data: { id: number; attributes: { name: string }; links: { self: string } };
    };
    expect(data.attributes.name).toBe(name);
    expect(data.links.self).toBe(`/api/v2/callPurposes/${data.id}`);

    const read = (await (await alex.fetch(`/api/v2/callPurposes/${data.id}`)).json()) as {
      data: { attributes: { name: string } };
    };
    expect(read.data.attributes.name).toBe(name);
    const list = (await (
      await alex.fetch(`/api/v2/callPurposes?filter[id]=${data.id}`)
    ).json()) as { data: { attributes: { name: string } }[]; links: { first: string } };
    expect(list.data[0]?.attributes.name).toBe(name);
    expect(list.links.first).toMatch(/^\/api\/v2\/callPurposes\?/);
  });

  describe('compression', () => {
    const asset = '/assets/index-abc123.js';

    it.each([
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
    ])(
      'sends the built copy Accept-Encoding %j allows (%s), cached for good',
      async (accept, encoding) => {
        const original = readFileSync(join(server.distDir, 'assets', 'index-abc123.js'));
        const response = await raw(`${server.url}${asset}`, { 'accept-encoding': accept });
        expect(response.status).toBe(200);
        expect(response.headers['content-encoding']).toBe(encoding);
        expect(response.headers['content-type']).toMatch(/javascript/);
        expect(response.headers.vary).toMatch(/accept-encoding/i);
        expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(decode(response).equals(original)).toBe(true);
        if (encoding !== undefined) expect(response.body.length).toBeLessThan(original.length / 3);
      },
    );

    it('sends index.html compressed for deep links too, revalidated every time', async () => {
      const response = await raw(`${server.url}/call-purposes/3/edit`, {
        accept: 'text/html',
        'accept-encoding': 'gzip, deflate, br',
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(response).toString()).toContain('<div id="root">');
    });

    it('compresses proxy and emulator JSON over 1 KB, and not smaller answers', async () => {
      const cookie = alex.jar.header();
      const proxied = await raw(`${server.url}/api/v2/callPurposes?include=creator`, {
        cookie,
        'accept-encoding': 'br, gzip',
      });
      expect(proxied.status).toBe(200);
      expect(proxied.headers['content-encoding']).toBe('br');
      expect(decode(proxied).length).toBeGreaterThan(1024);
      expect(
        (JSON.parse(decode(proxied).toString()) as { data: unknown[] }).data.length,
      ).toBeGreaterThan(3);

      const emulatorList = await raw(`${server.url}/emulator/api/v2/callPurposes`, {
        authorization: `Bearer ${tokenFor(server.dataDir, 'admin')}`,
        'accept-encoding': 'gzip',
      });
      expect(emulatorList.status).toBe(200);
      expect(emulatorList.headers['content-encoding']).toBe('gzip');
      expect(decode(emulatorList).length).toBeGreaterThan(1024);

      const small = await raw(`${server.url}/auth/session`, { cookie, 'accept-encoding': 'br' });
      expect(small.status).toBe(200);
      expect(small.body.length).toBeLessThan(1024);
      expect(small.headers['content-encoding']).toBeUndefined();
    });
  });

  describe('security headers', () => {
    function expectLockedDown(headers: IncomingHttpHeaders, where: string) {
      const csp = String(headers['content-security-policy'] ?? '');
      expect(csp, where).toMatch(/frame-ancestors 'none'/);
      expect(csp, where).toMatch(/default-src '(?:self|none)'/);
      expect(csp, where).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(headers['x-content-type-options'], where).toBe('nosniff');
      expect(headers['referrer-policy'], where).toMatch(/^(?:same-origin|no-referrer)$/);
      expect(headers['cross-origin-opener-policy'], where).toBe('same-origin');
      expect(headers['x-frame-options'], where).toBe('DENY');
      // Served over http here: no HSTS, which would pin localhost to https.
      expect(headers['strict-transport-security'], where).toBeUndefined();
    }

    it('are on everything the browser renders or runs, from the app and the emulator', async () => {
      const login = await alex.fetch('/auth/login');
      const consent = new URL(login.headers.get('location') ?? '');
      const answers: [string, Record<string, string>][] = [
        ['/', { accept: 'text/html' }],
        ['/sign-in?error=x', { accept: 'text/html' }],
        ['/call-purposes/3/edit', { accept: 'text/html' }],
        ['/assets/index-abc123.js', {}],
        ['/favicon.svg', {}],
        ['/auth/session', {}],
        ['/api/v2/callPurposes', {}],
        ['/api/nothing', {}],
        ['/emulator/api/v2/callPurposes', {}],
        [`${consent.pathname}${consent.search}`, { accept: 'text/html' }],
        ['/emulator/oauth/authorize?client_id=nobody', { accept: 'text/html' }],
      ];
      for (const [path, headers] of answers) {
        const response = await raw(`${server.url}${path}`, headers);
        expectLockedDown(response.headers, path);
      }
    });

    it("the consent page's one stylesheet is allowed by hash, and no script at all", async () => {
      const login = await alex.fetch('/auth/login');
      const page = await raw(login.headers.get('location') ?? '', { accept: 'text/html' });
      expect(page.status).toBe(200);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toMatch(/default-src 'none'/);
      expect(page.body.toString()).not.toMatch(/<script/i);
    });
  });
});

describe('behind an https PUBLIC_URL', () => {
  let server: ComposedServer;
  beforeAll(async () => {
    server = await start({
      PUBLIC_URL: 'https://call-purposes.example.com',
      EMULATOR_PUBLIC_DEMO: 'true',
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('pins browsers to https (HSTS) and upgrades stray http requests', async () => {
    const response = await raw(`${server.url}/`, { accept: 'text/html' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
    expect(response.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
  });
});

describe('slow and hostile clients', () => {
  // Shortened so the test watches the cut-off happen; production keeps the defaults.
  const timeouts = { headersMs: 400, requestMs: 800, keepAliveMs: 400 };
  let server: ComposedServer;
  beforeAll(async () => {
    server = await start({}, { timeouts });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /**
   * Opens a socket, sends `head`, then one more byte of `trickle` every 50 ms (each well inside
   * any idle timeout) until the server closes the connection; resolves with what it answered.
   */
  function trickle(head: string, drip: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let answer = '';
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(head);
        timer = setInterval(() => {
          if (!socket.destroyed && socket.writable) socket.write(drip);
        }, 50);
      });
      socket.on('data', (chunk) => {
        answer += chunk.toString();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve(answer);
      });
      socket.setTimeout(20_000, () => {
        clearInterval(timer);
        socket.destroy();
        reject(new Error('the server kept a trickling request open'));
      });
    });
  }

  it('cuts off a request whose headers trickle in', async () => {
    const answer = await trickle('GET /healthz HTTP/1.1\r\nHost: localhost\r\n', 'X');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off a PATCH whose body trickles in, one byte at a time', async () => {
    const answer = await trickle(
      'PATCH /api/v2/callPurposes/1 HTTP/1.1\r\nHost: localhost\r\n' +
        `Content-Type: ${JSONAPI}\r\nContent-Length: 100000\r\n\r\n`,
      ' ',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle keep-alive connection after a request, and answers prompt ones', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.setTimeout(20_000, () => {
        socket.destroy();
        reject(new Error('the idle keep-alive connection stayed open'));
      });
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/keep-alive: timeout=\d+/i);
  });
});

// `server/server.ts` as a person deploys it against an external Outreach: here the emulator started
// on its own (`npm run emulator`), with OUTREACH_* set. Nothing may depend on embedding. A small
// recording relay sits between the app server and the upstream API to show exactly which
// headers leave the app server.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { startEmulatorProcess, type EmulatorProcess } from '../emulator/test/emulatorProcess';
import { waitUntil } from '../testing/waitUntil';
import {
  browser,
  freePort,
  signIn,
  startProcess,
  tempDir,
  type Browser,
} from '../app/test/harness';
import { startRelay, type RelayedRequest } from '../app/test/relay';

/** The shared relay, keeping what reached the upstream API. */
async function startRecordingRelay(target: string) {
  const seen: RelayedRequest[] = [];
  const relay = await startRelay(target, {
    onRequest(request) {
      seen.push(request);
      return 'forward';
    },
  });
  return { ...relay, seen };
}

const JSONAPI = 'application/vnd.api+json';

describe('app server against a separately started emulator', () => {
  const emulatorData = tempDir('external-emulator');
  const appData = tempDir('external-app');
  let emulator: EmulatorProcess;
  let appServer: Awaited<ReturnType<typeof startProcess>>;
  let relay: Awaited<ReturnType<typeof startRecordingRelay>>;
  let emulatorUrl: string;
  let publicUrl: string;
  let maria: Browser;

  beforeAll(async () => {
    const appPort = await freePort();
    // 127.0.0.1 for the app and localhost for the emulator: two origins, as with real Outreach.
    publicUrl = `http://127.0.0.1:${appPort}`;
    emulator = await startEmulatorProcess(emulatorData, {
      EMULATOR_TOKEN_TTL_SECONDS: '2',
      EMULATOR_REDIRECT_URIS: `${publicUrl}/auth/callback`,
    });
    const port = new URL(emulator.url).port;
    emulatorUrl = `http://localhost:${port}`;
    relay = await startRecordingRelay(`http://127.0.0.1:${port}`);
    appServer = await startProcess(
      'server/server.ts',
      {
        PORT: String(appPort),
        HOST: '127.0.0.1',
        DATA_DIR: appData,
        PUBLIC_URL: publicUrl,
        OUTREACH_API_URL: `${relay.url}/api/v2`,
        OUTREACH_OAUTH_URL: `${emulatorUrl}/oauth`,
        OUTREACH_CLIENT_ID: SEEDED_CLIENT.clientId,
        OUTREACH_CLIENT_SECRET: SEEDED_CLIENT.clientSecret,
        SESSION_SECRET: randomBytes(48).toString('base64url'),
      },
      /ready .*open http/,
    );
    maria = browser(publicUrl);
  });

  afterAll(async () => {
    await appServer?.stop();
    await relay?.close();
    await emulator?.stop();
    rmSync(emulatorData, { recursive: true, force: true });
    rmSync(appData, { recursive: true, force: true });
  });

  it('prints one line with the URL to open and does not mount an emulator', async () => {
    expect(appServer.output()).toContain(`open ${publicUrl}`);
    const response = await fetch(`${publicUrl}/emulator/oauth/authorize`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(404);
  });

  it('signs in at the external upstream and comes back to the page asked for', async () => {
    const result = await signIn(maria, { as: 'Maria Chen', returnTo: '/call-purposes/4/edit' });
    expect(result.authorizeUrl.origin).toBe(emulatorUrl);
    expect(result.authorizeUrl.searchParams.get('redirect_uri')).toBe(`${publicUrl}/auth/callback`);
    expect(result.location).toBe('/call-purposes/4/edit');
    const session: unknown = await (await maria.fetch('/auth/session')).json();
    expect(session).toMatchObject({
      user: { id: 2, name: 'Maria Chen', email: 'maria.chen@example.com' },
      scopes: ['callPurposes.all', 'calls.read'],
    });
  });

  it('edits through the proxy, sending the bearer token and never the browser cookies', async () => {
    const before = relay.seen.length;
    const patch = await maria.fetch('/api/v2/callPurposes/4', {
      method: 'PATCH',
      headers: {
        origin: publicUrl,
        'content-type': JSONAPI,
        accept: JSONAPI,
        authorization: 'Bearer from-the-browser',
      },
      body: JSON.stringify({
        data: { type: 'callPurpose', id: 4, attributes: { name: 'Demo (external)' } },
      }),
    });
    expect(patch.status).toBe(200);
    expect(
      ((await patch.json()) as { data: { attributes: { name: string } } }).data.attributes.name,
    ).toBe('Demo (external)');

    // The history's read of the purpose as it was, then the write itself.
    const forwarded = relay.seen.slice(before);
    expect(forwarded.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /api/v2/callPurposes/4',
      'PATCH /api/v2/callPurposes/4',
    ]);
    const [, sent] = forwarded;
    expect(sent?.url).toBe('/api/v2/callPurposes/4');
    expect(sent?.headers.cookie).toBeUndefined();
    expect(sent?.headers.authorization).toMatch(/^Bearer \S+$/);
    expect(sent?.headers.authorization).not.toBe('Bearer from-the-browser');
    expect(sent?.headers['content-type']).toBe(JSONAPI);
    expect(sent?.headers.origin).toBeUndefined();

    const locked = await maria.fetch('/api/v2/callPurposes/1', {
      method: 'PATCH',
      headers: { origin: publicUrl, 'content-type': JSONAPI },
      body: JSON.stringify({ data: { type: 'callPurpose', id: 1, attributes: { name: 'Nope' } } }),
    });
    expect(locked.status).toBe(403);
    expect(await locked.json()).toMatchObject({ errors: [{ id: 'unauthorizedRequest' }] });
  });

  it('keeps the raw query string as the browser sent it', async () => {
    const before = relay.seen.length;
    const query = '?filter[name]=Demo%20(external)&provideAuthorizationMeta=true';
    const response = await maria.fetch(`/api/v2/callPurposes${query}`);
    expect(response.status).toBe(200);
    expect(relay.seen[before]?.url).toBe(`/api/v2/callPurposes${query}`);
    const body = (await response.json()) as { data: { id: number }[] };
    expect(body.data.map((item) => item.id)).toEqual([4]);
  });

  it('refreshes the short-lived access token at the external token endpoint', async () => {
    const tokenBefore = relay.seen.at(-1)?.headers.authorization;
    expect(tokenBefore).toMatch(/^Bearer \S+$/);
    // The child processes run on the real clock: call the API until the app server, nearing
    // the token's 2 s expiry, refreshes it and sends a new one upstream.
    const tokenAfter = await waitUntil(
      async () => {
        const response = await maria.fetch('/api/v2/callPurposes');
        expect(response.status).toBe(200);
        const sent = relay.seen.at(-1)?.headers.authorization;
        return sent === tokenBefore ? undefined : sent;
      },
      { what: 'a refreshed access token', tries: 40 },
    );
    expect(tokenAfter).toMatch(/^Bearer \S+$/);
  });

  it('is ready while the upstream answers', async () => {
    const response = await fetch(`${publicUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      checks: { sessionStore: 'ok', upstream: 'ok' },
      counters: { historyEntriesNotRecorded: 0 },
    });
  });

  it('answers 502 upstreamUnavailable, without a stack, when the upstream API is down', async () => {
    await relay.close();
    const readiness = await fetch(`${publicUrl}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toEqual({
      ok: false,
      checks: { sessionStore: 'ok', upstream: 'failing' },
      counters: { historyEntriesNotRecorded: 0 },
    });
    expect((await fetch(`${publicUrl}/healthz`)).status).toBe(200);
    const response = await maria.fetch('/api/v2/callPurposes');
    expect(response.status).toBe(502);
    const body = (await response.json()) as { errors: { id: string; detail: string }[] };
    expect(body.errors[0]?.id).toBe('upstreamUnavailable');
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node:internal/);
  });

  it('closes cleanly on SIGTERM, letting a request in flight finish first', async () => {
    // A write whose body is only half sent when the signal comes.
    const body = JSON.stringify({ data: { type: 'callPurpose', attributes: { name: 'Late' } } });
    const inFlight = httpRequest(`${publicUrl}/api/v2/callPurposes`, {
      method: 'POST',
      headers: {
        'content-type': JSONAPI,
        'content-length': Buffer.byteLength(body),
        // The server's 100 Continue is the sign that it has received the request.
        expect: '100-continue',
      },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      inFlight.on('error', reject);
    });
    inFlight.flushHeaders();
    await new Promise<void>((resolve) => inFlight.once('continue', () => resolve()));
    inFlight.write(body.slice(0, 10));

    const exited = appServer.stop();
    // The server has begun closing once it stops accepting new connections.
    await waitUntil(
      () =>
        fetch(`${publicUrl}/healthz`).then(
          () => undefined,
          () => true,
        ),
      { what: 'the app server to refuse new connections', tries: 200, intervalMs: 50 },
    );
    inFlight.end(body.slice(10));
    const answer = await answered;
    // No session, so the app server's own 401: what matters is a whole answer, not a reset.
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ id: 'unauthenticated' }] });
    expect(await exited).toBe(0);
  });
});

describe('server/server.ts configuration check', () => {
  it('refuses to start with half a real-Outreach configuration, naming everything wrong', async () => {
    const failure = await startProcess(
      'server/server.ts',
      { OUTREACH_API_URL: 'https://api.outreach.io/api/v2', SESSION_SECRET: 'short', PORT: '1' },
      /never/,
    ).then(
      () => new Error('started'),
      (error: Error) => error,
    );
    expect(failure.message).toContain('exited with 1');
    expect(failure.message).toContain('5 settings need fixing');
    for (const name of [
      'OUTREACH_OAUTH_URL',
      'OUTREACH_CLIENT_ID',
      'OUTREACH_CLIENT_SECRET',
      'PUBLIC_URL',
      'SESSION_SECRET',
    ]) {
      expect(failure.message).toContain(`  - ${name}`);
    }
  });
});

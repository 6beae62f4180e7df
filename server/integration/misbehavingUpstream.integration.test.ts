// Issue 17, point 7: an Outreach that misbehaves fails loudly and briefly. Between the app server
// and the upstream API sits a relay a test can make silent, refuse connections, cut them, or
// answer an HTML 500. Each is a JSON:API error (504 for silence, 502 otherwise) without the
// upstream's body or any internal address; /readyz says 503 meanwhile; and the same session works
// again once the upstream is back, without a restart. The time limit comes in through the app
// server's config, so silence costs a test half a second, not ten.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { startEmulatorProcess, type EmulatorProcess } from '../emulator/test/emulatorProcess';
import { browser, freePort, signIn, tempDir, type Browser } from '../app/test/harness';
import { startRelay, type Relay } from '../app/test/relay';
import { startComposed, type ComposedServer } from './composedServer';

const JSONAPI = 'application/vnd.api+json';
const HTML_500 = '<html><body><h1>Internal Server Error</h1><pre>at secret.internal:8788</pre>';

type Misbehaviour = 'forward' | 'silent' | 'html500' | 'cut' | 'reset';
const ANSWERS: Record<
  Exclude<Misbehaviour, 'forward'>,
  'keep' | ((res: ServerResponse) => void)
> = {
  silent: 'keep',
  html500: (res) => res.writeHead(500, { 'content-type': 'text/html' }).end(HTML_500),
  // Headers and half a document, then the connection drops.
  cut: (res) => {
    res.writeHead(200, { 'content-type': JSONAPI, 'content-length': '1000' });
    res.write('{"data":[{"type":"callPurpose",');
    setImmediate(() => res.socket?.destroy());
  },
  reset: (res) => res.socket?.destroy(),
};

let emulator: EmulatorProcess;
let relay: Relay | undefined;
let relayPort: number;
let server: ComposedServer;
let publicUrl: string;
let maria: Browser;
let mode: Misbehaviour = 'forward';
const emulatorData = tempDir('misbehaving-emulator');

async function openRelay(): Promise<void> {
  relay = await startRelay(`http://127.0.0.1:${new URL(emulator.url).port}`, {
    port: relayPort,
    onRequest: () => (mode === 'forward' ? 'forward' : ANSWERS[mode]),
  });
}

beforeAll(async () => {
  const appPort = await freePort();
  relayPort = await freePort();
  publicUrl = `http://127.0.0.1:${appPort}`;
  emulator = await startEmulatorProcess(emulatorData, {
    EMULATOR_REDIRECT_URIS: `${publicUrl}/auth/callback`,
  });
  await openRelay();
  server = await startComposed({
    port: appPort,
    env: {
      HOST: '127.0.0.1',
      PUBLIC_URL: publicUrl,
      OUTREACH_API_URL: `http://127.0.0.1:${relayPort}/api/v2`,
      OUTREACH_OAUTH_URL: `${emulator.url}/oauth`,
      OUTREACH_CLIENT_ID: SEEDED_CLIENT.clientId,
      OUTREACH_CLIENT_SECRET: SEEDED_CLIENT.clientSecret,
      SESSION_SECRET: randomBytes(48).toString('base64url'),
    },
    // Half a second stands for Outreach's silence, against 10 s in production.
    override: { upstreamTimeoutMs: 500, readinessTimeoutMs: 500 },
  });
  maria = browser(publicUrl);
  await signIn(maria, { as: 'Maria Chen' });
});

afterAll(async () => {
  await server?.stop();
  await relay?.close();
  await emulator?.stop();
  rmSync(emulatorData, { recursive: true, force: true });
});

async function purposes() {
  const response = await maria.fetch('/api/v2/callPurposes', { headers: { accept: JSONAPI } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

const readyz = async () => (await fetch(`${publicUrl}/readyz`)).status;

/** What the browser got names neither the upstream's addresses nor anything from its body. */
function expectNothingInternal(text: string) {
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|secret\.internal|Internal Server Error/);
  expect(text).not.toContain(String(relayPort));
  expect(text).not.toContain(new URL(emulator.url).port);
}

describe('an upstream API that misbehaves', () => {
  it('works while the upstream answers', async () => {
    expect((await purposes()).status).toBe(200);
    expect(await readyz()).toBe(200);
  });

  it.each([
    ['silent', 504, 'upstreamTimeout'],
    ['html500', 502, 'upstreamUnavailable'],
    ['cut', 502, 'upstreamUnavailable'],
    ['reset', 502, 'upstreamUnavailable'],
  ] as const)(
    '%s: %i %s as JSON:API, /readyz 503, then the session works again',
    async (misbehaviour, status, id) => {
      mode = misbehaviour;
      const failed = await purposes();
      expect(failed.status).toBe(status);
      expect(failed.type).toMatch(/^application\/vnd\.api\+json/);
      expect((JSON.parse(failed.text) as { errors: { id: string }[] }).errors[0]?.id).toBe(id);
      expectNothingInternal(failed.text);
      expect(await readyz()).toBe(503);

      mode = 'forward';
      expect((await purposes()).status).toBe(200);
      expect(await readyz()).toBe(200);
    },
  );

  it('refusing connections: 502, /readyz 503, and back on the same session when it returns', async () => {
    await relay?.close();
    const refused = await purposes();
    expect(refused.status).toBe(502);
    expect((JSON.parse(refused.text) as { errors: { id: string }[] }).errors[0]?.id).toBe(
      'upstreamUnavailable',
    );
    expectNothingInternal(refused.text);
    expect(await readyz()).toBe(503);

    await openRelay();
    expect((await purposes()).status).toBe(200);
    expect(await readyz()).toBe(200);
  });
});

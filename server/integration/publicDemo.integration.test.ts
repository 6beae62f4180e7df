// Issue 17, point 2: the embedded emulator lets anyone sign in as anyone, so a public address
// serves it only as a public demo (EMULATOR_PUBLIC_DEMO=true), and then every page says so: the
// emulator's consent page (and its error page) carry the banner, and the SPA reads the flag from
// GET /auth/config, which answers without a session. Without the flag nothing of it shows.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_DEMO_NOTICE } from '../../shared/publicDemo';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { freePort, startProcess, tempDir } from '../app/test/harness';
import { startComposed, type ComposedServer } from './composedServer';

type Server = ComposedServer;

/** Only injected requests: the server never listens. */
const start = (env: Record<string, string>) => startComposed({ env, listen: false });

const consentPage = (server: Server) =>
  server.app.inject({
    method: 'GET',
    url: '/emulator/oauth/authorize',
    query: {
      client_id: SEEDED_CLIENT.clientId,
      redirect_uri: `${server.config.publicUrl}/auth/callback`,
      response_type: 'code',
      scope: 'callPurposes.all',
      state: 'abc',
    },
  });

const BANNER = `<p class="notice" role="note">${PUBLIC_DEMO_NOTICE}</p>`;

describe('a public demo (EMULATOR_PUBLIC_DEMO=true at a public PUBLIC_URL)', () => {
  let server: Server;
  beforeAll(async () => {
    server = await start({
      PUBLIC_URL: 'https://purposes-demo.example.com',
      EMULATOR_PUBLIC_DEMO: 'true',
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('tells the SPA, without a session, so its every page shows the banner', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/auth/config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ publicDemo: true });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('shows the banner on the consent page, its stylesheet still the only one the CSP allows', async () => {
    const response = await consentPage(server);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Approve');
    expect(response.body).toContain(BANNER);
    expect(response.body).not.toMatch(/<script/i);
    expect(response.headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[^']+'; /,
    );
  });

  it('shows the banner on the emulator error page too, the cross-site refusal included', async () => {
    const refused = await server.app.inject({
      method: 'GET',
      url: '/emulator/oauth/authorize',
      query: { client_id: 'nobody', response_type: 'code' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(BANNER);
    const crossSite = await server.app.inject({
      method: 'POST',
      url: '/emulator/oauth/authorize',
      headers: {
        origin: 'https://elsewhere.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'decision=approve',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.body).toContain(BANNER);
  });
});

describe('the embedded emulator on this machine, no demo asked for', () => {
  let server: Server;
  beforeAll(async () => {
    server = await start({});
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('shows no banner anywhere', async () => {
    const config = await server.app.inject({ method: 'GET', url: '/auth/config' });
    expect(config.json()).toEqual({ publicDemo: false });
    const consent = await consentPage(server);
    expect(consent.statusCode).toBe(200);
    expect(consent.body).not.toContain(PUBLIC_DEMO_NOTICE);
  });
});

describe('`npm start` at a public PUBLIC_URL with the embedded emulator and no demo asked for', () => {
  it('refuses to start, saying why and how to go on', async () => {
    const dataDir = tempDir('public-emulator');
    try {
      const failure = await startProcess(
        'server/server.ts',
        {
          PORT: String(await freePort()),
          DATA_DIR: dataDir,
          PUBLIC_URL: 'https://purposes.example.com',
        },
        /is ready/,
      ).then(
        () => new Error('started'),
        (error: Error) => error,
      );
      expect(failure.message).toContain('exited with 1');
      expect(failure.message).toContain(
        "The app server cannot start: one setting needs fixing.\n  - PUBLIC_URL's host purposes.example.com is not this machine",
      );
      expect(failure.message).toContain('anyone who opens it could sign in as any user');
      expect(failure.message).toContain('EMULATOR_PUBLIC_DEMO=true for a public demo');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

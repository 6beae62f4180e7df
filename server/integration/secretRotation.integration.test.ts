// Issue 17, point 5: sessions survive a secret rotation, as the README promises. Sign in under
// secret A; restart with B and SESSION_SECRET_PREVIOUS=A: the same cookie still works; restart
// with B alone: the session ends cleanly (401 JSON:API, the cookie cleared), never a 500. Real
// HTTP, the composed server (app server + embedded emulator), one DATA_DIR across the restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, fakeDist, freePort, signIn, tempDir, type Browser } from '../app/test/harness';
import { startComposed, type ComposedServer } from './composedServer';

const A = 'secret-A-0123456789-0123456789-0123456789';
const B = 'secret-B-9876543210-9876543210-9876543210';

let port: number;
let dataDir: string;
let distDir: string;
let running: ComposedServer | undefined;

/** Restarts the server on the same port, DATA_DIR and dist/, with other settings. */
async function startWith(env: Record<string, string>): Promise<void> {
  await running?.app.close();
  running = await startComposed({ env, port, dataDir, distDir });
}

const purposes = (client: Browser) =>
  client.fetch('/api/v2/callPurposes', { headers: { accept: 'application/vnd.api+json' } });

beforeAll(async () => {
  port = await freePort();
  dataDir = tempDir('rotation');
  distDir = fakeDist();
});
afterAll(async () => {
  await running?.stop();
});

describe('rotating SESSION_SECRET', () => {
  it('keeps a session signed under the previous secret, and ends it cleanly once that is gone', async () => {
    await startWith({ SESSION_SECRET: A });
    const alex = browser(`http://localhost:${port}`);
    await signIn(alex, { as: 'Alex Morgan' });
    expect((await purposes(alex)).status).toBe(200);

    await startWith({ SESSION_SECRET: B, SESSION_SECRET_PREVIOUS: A });
    const rotated = await purposes(alex);
    expect(rotated.status).toBe(200);

    await startWith({ SESSION_SECRET: B });
    const ended = await purposes(alex);
    expect(ended.status).toBe(401);
    expect(ended.headers.get('content-type')).toMatch(/^application\/vnd\.api\+json/);
    const body = (await ended.json()) as { errors: { id: string }[] };
    expect(body.errors[0]?.id).toBe('unauthenticated');
  });
});

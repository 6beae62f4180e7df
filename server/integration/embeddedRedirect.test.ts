// With the embedded emulator behind a public host name (not loopback, so a public demo), the
// emulator must still accept the app's own callback, or nobody could sign in.
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../buildApp';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { parseAppConfig } from '../app/config';
import { resolveSessionSecret } from '../app/sessionSecret';
import { fakeDist, tempDir } from '../app/test/harness';

const dataDir = tempDir('data');
const distDir = fakeDist();
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});

it('accepts PUBLIC_URL/auth/callback as a redirect URI, and no other public URI', async () => {
  const parsed = parseAppConfig(
    {
      PUBLIC_URL: 'https://purposes.example.com',
      EMULATOR_PUBLIC_DEMO: 'true',
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
    },
    { distDir },
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const app = await buildApp(resolveSessionSecret(parsed.config));
  try {
    const authorize = (redirectUri: string) =>
      app.inject({
        method: 'GET',
        url: '/emulator/oauth/authorize',
        query: {
          client_id: SEEDED_CLIENT.clientId,
          redirect_uri: redirectUri,
          response_type: 'code',
          scope: 'callPurposes.all',
          state: 'abc',
        },
      });
    const own = await authorize('https://purposes.example.com/auth/callback');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Approve');
    const foreign = await authorize('https://evil.example.com/auth/callback');
    expect(foreign.statusCode).toBe(400);
  } finally {
    await app.close();
  }
});

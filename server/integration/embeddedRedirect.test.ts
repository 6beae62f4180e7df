// With the embedded emulator behind a public host name (not loopback, so a public demo), the
// emulator must still accept the app's own callback, or nobody could sign in.
import { expect, it } from 'vitest';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { startComposed } from './composedServer';

it('accepts PUBLIC_URL/auth/callback as a redirect URI, and no other public URI', async () => {
  const server = await startComposed({
    env: { PUBLIC_URL: 'https://purposes.example.com', EMULATOR_PUBLIC_DEMO: 'true' },
    listen: false,
  });
  try {
    const authorize = (redirectUri: string) =>
      server.app.inject({
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
    await server.stop();
  }
});

// Outreach failing as a person at the browser sees it (issue 17, point 7): an app server whose
// upstream API sits behind a relay this spec turns into a misbehaving Outreach (an HTML 500
// page), in front of the standalone emulator. The list says Outreach is unreachable, shows
// nothing of Outreach's page or address, and Retry brings the list back once Outreach is.
import type { ServerResponse } from 'node:http';
import { expect, test } from './support/fixtures';
import { startRelay, type Relay } from '../server/app/test/relay';
import { SEEDED_CLIENT } from '../server/shared/seededClient';
import { startAppServer, type AppServerProcess } from './support/appServerProcess';
import { EXTERNAL_EMULATOR_URL, SPARE_PORT } from './support/servers';
import { signIn } from './support/signIn';

const HTML_500 = '<html><body><h1>Internal Server Error</h1><pre>at upstream.internal</pre>';

let relay: Relay;
let app: AppServerProcess;
let failing = false;

test.beforeAll(async () => {
  relay = await startRelay(EXTERNAL_EMULATOR_URL, {
    onRequest: () =>
      failing
        ? (res: ServerResponse) => res.writeHead(500, { 'content-type': 'text/html' }).end(HTML_500)
        : 'forward',
  });
  app = await startAppServer({
    port: SPARE_PORT,
    dataDir: 'test-results/e2e-data/outreach-outage',
    env: {
      PUBLIC_URL: `http://localhost:${SPARE_PORT}`,
      OUTREACH_API_URL: `${relay.url}/api/v2`,
      OUTREACH_OAUTH_URL: `${EXTERNAL_EMULATOR_URL}/oauth`,
      OUTREACH_CLIENT_ID: SEEDED_CLIENT.clientId,
      OUTREACH_CLIENT_SECRET: SEEDED_CLIENT.clientSecret,
      SESSION_SECRET: 'e2e-outreach-outage-secret-that-is-long-enough-0123456789',
    },
  });
});

test.afterAll(async () => {
  failing = false;
  await app?.stop();
  await relay?.close();
});

test('while Outreach fails the list says it is unreachable and offers Retry, which brings the list back', async ({
  page,
}) => {
  await signIn(page, 'manager', '/call-purposes', app.url);
  await expect(page.getByRole('rowheader', { name: 'Demo', exact: true })).toBeVisible();

  failing = true;
  await page.reload();
  await expect(
    page.getByText(
      'Could not load the call purposes. Outreach is unreachable right now. Try again in a moment.',
    ),
  ).toBeVisible({ timeout: 30_000 });
  const shown = await page.content();
  expect(shown).not.toContain('Internal Server Error');
  expect(shown).not.toContain(new URL(relay.url).port);

  failing = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('rowheader', { name: 'Demo', exact: true })).toBeVisible();
});

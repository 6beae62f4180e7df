// Sign-in storage going away and coming back, as a person at the browser sees it: an app server
// keeping sessions in a private Redis (no persistence) that this spec stops and starts again
// (and, as every app server on Redis must, its history in a PostgreSQL of its own).
import { expect, test } from './support/fixtures';
import { startTestPostgres, type TestPostgres } from '../server/app/test/postgresServer';
import { startTestRedis, type TestRedis } from '../server/app/test/redisServer';
import { startAppServer, type AppServerProcess } from './support/appServerProcess';
import { saveScreenshot } from './support/screenshots';
import { SPARE_PORT } from './support/servers';
import { approveOnConsentPage, signIn } from './support/signIn';

let redis: TestRedis;
let postgres: TestPostgres;
let app: AppServerProcess;

test.beforeAll(async () => {
  [redis, postgres] = await Promise.all([startTestRedis(), startTestPostgres()]);
  app = await startAppServer({
    port: SPARE_PORT,
    dataDir: 'test-results/e2e-data/redis-outage',
    env: {
      REDIS_URL: redis.url,
      DATABASE_URL: postgres.url,
      SESSION_SECRET: 'e2e-redis-outage-secret-that-is-long-enough-0123456789',
    },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await redis?.stop();
  await postgres?.stop();
});

test('while Redis is away the app says so and keeps trying; after it returns, sign in and land where you were', async ({
  page,
}, testInfo) => {
  await signIn(page, 'manager', '/call-purposes/4/edit', app.url);
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveValue('Demo');

  await redis.stop();
  await page.reload();
  await expect(
    page.getByText(
      'Could not check your sign-in. Sign-in storage is unavailable right now. Trying again every few seconds.',
    ),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, 'sign-in-storage-unavailable');

  // Back, but empty (no persistence): the next automatic retry finds the session gone.
  await redis.start();
  await expect(page).toHaveURL(
    `${app.url}/sign-in?returnTo=${encodeURIComponent('/call-purposes/4/edit')}`,
    { timeout: 20_000 },
  );
  await approveOnConsentPage(page, 'manager');
  await expect(page).toHaveURL(`${app.url}/call-purposes/4/edit`);
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveValue('Demo');
});

// A public demo (issue 17, point 2): with EMULATOR_PUBLIC_DEMO=true every page says that anyone
// can sign in as anyone: the SPA's sign-in page, the emulator's consent page and the list. The
// spec starts an app server of its own with the flag (the shared one has none, and shows none).
import { expect, test } from './support/fixtures';
import { PUBLIC_DEMO_NOTICE } from '../shared/publicDemo';
import { startAppServer, type AppServerProcess } from './support/appServerProcess';
import { SPARE_PORT } from './support/servers';
import { USERS } from './support/signIn';

let app: AppServerProcess;

test.beforeAll(async () => {
  app = await startAppServer({
    port: SPARE_PORT,
    dataDir: 'test-results/e2e-data/public-demo',
    env: { EMULATOR_PUBLIC_DEMO: 'true' },
  });
});

test.afterAll(async () => {
  await app?.stop();
});

test('every page of a public demo shows "Demo: anyone can sign in as anyone", the list included', async ({
  page,
}) => {
  const banner = page.getByRole('note').filter({ hasText: PUBLIC_DEMO_NOTICE });

  await page.goto(`${app.url}/call-purposes`);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await expect(banner).toBeVisible();

  await page.getByRole('button', { name: 'Sign in with Outreach' }).click();
  await expect(
    page.getByRole('heading', { name: 'Sign in to the Outreach emulator' }),
  ).toBeVisible();
  await expect(banner).toBeVisible();
  await page.getByLabel(USERS.admin.consentLabel).check();
  await page.getByRole('button', { name: 'Approve' }).click();

  await expect(page).toHaveURL(`${app.url}/call-purposes`);
  await expect(page.getByRole('banner').getByText(USERS.admin.name)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Demo', exact: true })).toBeVisible();
  await expect(banner).toBeVisible();
  await expect(banner).toHaveText(PUBLIC_DEMO_NOTICE);
});

test('the shared app server, no demo asked for, shows no such banner', async ({ page }) => {
  const config = page.waitForResponse((response) => response.url().endsWith('/auth/config'));
  await page.goto('/sign-in');
  expect(await (await config).json()).toEqual({ publicDemo: false });
  await expect(page.getByRole('button', { name: 'Sign in with Outreach' })).toBeVisible();
  await expect(page.getByText(PUBLIC_DEMO_NOTICE)).toHaveCount(0);
});

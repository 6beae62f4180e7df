// The same sign-in and edit flow against a separately started emulator standing in for an
// external Outreach (OUTREACH_* settings), whose clock the test moves past its access tokens'
// life: the app server must refresh them on its own.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { moveEmulatorClock, OutreachApi, tokenFor } from './support/outreachApi';
import {
  EXTERNAL_APP_URL,
  EXTERNAL_EMULATOR_DATA_DIR,
  EXTERNAL_EMULATOR_URL,
  EXTERNAL_TOKEN_TTL_SECONDS,
} from './support/servers';
import { signIn } from './support/signIn';

async function rename(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: `Edit ${from}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit “${from}”` });
  await dialog.getByLabel('Name').fill(to);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('rowheader', { name: to, exact: true })).toBeVisible();
}

test('sign in and edit against an external Outreach, across token refreshes', async ({ page }) => {
  const api = new OutreachApi(
    `${EXTERNAL_EMULATOR_URL}/api/v2`,
    tokenFor('admin', EXTERNAL_EMULATOR_DATA_DIR),
  );
  const visited: string[] = [];
  page.on('framenavigated', (frame) => visited.push(frame.url()));
  await signIn(page, 'manager', '/call-purposes', EXTERNAL_APP_URL);
  // The consent page was the external emulator's own.
  expect(visited.some((url) => url.startsWith(`${EXTERNAL_EMULATOR_URL}/oauth/authorize`))).toBe(
    true,
  );
  await rename(page, 'Negotiation', 'Negotiation (external)');
  expect((await api.findByName('Negotiation (external)'))?.id).toBe(6);

  // Outlive the access token: the app server must refresh it, unseen by the user.
  const outliveTheAccessToken = () =>
    moveEmulatorClock(EXTERNAL_EMULATOR_URL, EXTERNAL_TOKEN_TTL_SECONDS + 1);
  await outliveTheAccessToken();
  await page.reload();
  await rename(page, 'Negotiation (external)', 'Negotiation');
  await outliveTheAccessToken();
  await rename(page, 'Renewal', 'Renewal (external)');

  await expect(page).toHaveURL(`${EXTERNAL_APP_URL}/call-purposes`);
  const stored = await api.list();
  expect(stored.find((purpose) => purpose.id === 6)?.name).toBe('Negotiation');
  expect(stored.find((purpose) => purpose.id === 8)?.name).toBe('Renewal (external)');
});

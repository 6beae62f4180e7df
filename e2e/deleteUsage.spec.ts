// The delete dialog says how many logged calls use the purpose, as the calls API counts them,
// and still lets the user delete when that count cannot be had.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';
import { signIn } from './support/signIn';

/** The admin's API with the scope that counts logged calls. */
const COUNTING = 'callPurposes.all calls.read';

function deleteButton(page: Page, name: string) {
  return page.getByRole('button', { name: `Delete ${name}`, exact: true });
}

test('the delete dialog counts the logged calls that use a purpose, as the API does', async ({
  page,
  apiAs,
}, testInfo) => {
  const api = apiAs('admin', COUNTING);
  const purposes = await api.list();
  const counts = new Map<number, number>();
  for (const purpose of purposes) counts.set(purpose.id, await api.callCount(purpose.id));
  const used = purposes.find((purpose) => (counts.get(purpose.id) ?? 0) > 1000);
  const unused = purposes.find((purpose) => counts.get(purpose.id) === 0);
  if (!used || !unused) throw new Error('the seed has a heavily used and an unused purpose');

  const usage: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v2/calls')) usage.push(request.url());
  });
  await signIn(page, 'admin');

  await deleteButton(page, used.name).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete call purpose?' });
  const expected = (counts.get(used.id) ?? 0).toLocaleString('en-US');
  await expect(dialog.getByText(`Used by ${expected} logged calls.`)).toBeVisible();
  await expect(dialog).toContainText('keeps those calls but leaves them without a purpose');
  // Calls use it: the note is a warning (global.css's --color-warning-bg), not informational blue.
  const WARNING_BG = 'rgb(255, 244, 214)';
  await expect(dialog.getByRole('status')).toHaveCSS('background-color', WARNING_BG);
  expect(usage).toHaveLength(1);
  const asked = new URL(usage[0] ?? '');
  expect(Object.fromEntries(asked.searchParams)).toEqual({
    'filter[callPurpose][id]': String(used.id),
    'page[size]': '1',
    count: 'true',
  });
  await saveScreenshot(page, testInfo, 'delete-usage');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await deleteButton(page, unused.name).click();
  await expect(dialog.getByText('Not used by any logged call.')).toBeVisible();
  await expect(dialog.getByRole('status')).not.toHaveCSS('background-color', WARNING_BG);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(usage).toHaveLength(2);
});

test('without calls.read the dialog says usage is unknown, and deleting still works', async ({
  page,
  apiAs,
}) => {
  const api = apiAs('admin', COUNTING);
  const usage: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v2/calls')) usage.push(request.url());
  });
  await signIn(page, 'manager', '/call-purposes', '', { withhold: ['calls.read'] });
  // A manager may delete only what they created.
  const mine = `Mine Without Calls ${Date.now()}`;
  await page.getByRole('button', { name: 'New call purpose' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(mine);
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('rowheader', { name: mine, exact: true })).toBeVisible();

  await deleteButton(page, mine).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete call purpose?' });
  await expect(dialog.getByText(/^Usage unknown/)).toBeVisible();
  // Said in a sales-ops manager's words, not OAuth's.
  await expect(dialog).toContainText(
    "your Outreach admin can allow usage counts in the Outreach app's settings",
  );
  await expect(dialog).not.toContainText('scope');
  expect(usage, 'no request the token cannot make').toEqual([]);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('rowheader', { name: mine, exact: true })).toBeHidden();
  await expect.poll(async () => (await api.findByName(mine)) === undefined).toBe(true);
});

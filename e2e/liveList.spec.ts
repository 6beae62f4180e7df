// The list keeps itself current while visible: changes another user makes through the API show
// up highlighted and announced without a reload, deleted rows leave, and an open edit dialog
// warns before saving over someone else's change.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';
import { signIn } from './support/signIn';

function rowOf(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

/** What a browser does when the user comes back to the tab. */
async function returnToTab(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

test('a colleague’s rename and addition show up highlighted and announced, on focus', async ({
  page,
  adminApi: api,
}, testInfo) => {
  const tag = Date.now();
  const renamed = await api.create(`Live ${tag}`);
  await signIn(page, 'manager');
  await expect(page.getByRole('rowheader', { name: renamed.name, exact: true })).toBeVisible();

  await api.rename(renamed.id, `Live ${tag} (renamed)`);
  const added = await api.create(`Live ${tag} added`);
  await returnToTab(page);

  const renamedRow = rowOf(page, `Live ${tag} (renamed)`);
  await expect(renamedRow).toHaveAttribute('data-change', 'changed');
  await expect(rowOf(page, added.name)).toHaveAttribute('data-change', 'added');
  await expect(
    page.getByRole('status').filter({ hasText: /^\d+ purposes? (changed|added|removed)/ }),
  ).toHaveText('1 purpose changed, 1 added');
  await saveScreenshot(page, testInfo, 'live-list');
  // Brief: the highlight fades on its own.
  await expect(renamedRow).not.toHaveAttribute('data-change', /./, { timeout: 15_000 });
});

test('every 20 seconds while visible the list refetches; a deleted row disappears', async ({
  page,
  adminApi: api,
}) => {
  const doomed = await api.create(`Doomed ${Date.now()}`);
  await page.clock.install();
  await signIn(page, 'manager');
  await expect(page.getByRole('rowheader', { name: doomed.name, exact: true })).toBeVisible();

  expect(await api.status(`/callPurposes/${doomed.id}`)).toBe(200);
  const response = await api.request(`/callPurposes/${doomed.id}`, { method: 'DELETE' });
  expect(response.status).toBe(204);
  await page.clock.fastForward('00:21');
  await expect(page.getByRole('rowheader', { name: doomed.name, exact: true })).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: /^\d+ purposes? (changed|added|removed)/ }),
  ).toHaveText('1 purpose removed');
});

test('an open edit dialog says when someone else changed the purpose, and reloads it', async ({
  page,
  adminApi: api,
}) => {
  const tag = Date.now();
  const purpose = await api.create(`Contested ${tag}`);
  await signIn(page, 'manager', `/call-purposes/${purpose.id}/edit`);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(`Contested ${tag} (mine)`);

  await api.rename(purpose.id, `Contested ${tag} (theirs)`);
  await returnToTab(page);
  const notice = dialog.getByText(/changed this purpose since you opened it/);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`Contested ${tag} (theirs)`);
  await dialog.getByRole('button', { name: 'Reload' }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue(`Contested ${tag} (theirs)`);
  await expect(notice).toBeHidden();

  await dialog.getByLabel('Name').fill(`Contested ${tag} (merged)`);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  expect((await api.findByName(`Contested ${tag} (merged)`))?.id).toBe(purpose.id);
});

test('saving over a change the dialog has not heard of yet asks first', async ({
  page,
  adminApi: api,
}) => {
  const tag = Date.now();
  const purpose = await api.create(`Raced ${tag}`);
  await signIn(page, 'manager', `/call-purposes/${purpose.id}/edit`);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(`Raced ${tag} (mine)`);
  await api.rename(purpose.id, `Raced ${tag} (theirs)`);

  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText(/changed this purpose since you opened it/)).toBeVisible();
  expect((await api.findByName(`Raced ${tag} (theirs)`))?.id, 'nothing saved yet').toBe(purpose.id);
  await dialog.getByRole('button', { name: 'Save anyway' }).click();
  await expect(dialog).toBeHidden();
  expect((await api.findByName(`Raced ${tag} (mine)`))?.id).toBe(purpose.id);
});

test('while a row is being dragged the list holds its refresh; it catches up after', async ({
  page,
  adminApi: api,
}) => {
  const tag = Date.now();
  const carried = await api.create(`Carried ${tag}`);
  const changed = await api.create(`Changed ${tag}`);
  await signIn(page, 'manager');
  const handle = page.getByRole('button', { name: `Reorder ${carried.name}`, exact: true });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');

  const listRequests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname === '/api/v2/callPurposes') {
      listRequests.push(url.href);
    }
  });
  await api.rename(changed.id, `Changed ${tag} (elsewhere)`);
  await returnToTab(page);
  // Rows do not move under the carried one: no refetch, the old name still shows.
  await expect(page.getByRole('rowheader', { name: changed.name, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(handle).not.toHaveAttribute('aria-pressed', 'true');
  expect(listRequests).toEqual([]);

  await returnToTab(page);
  await expect(rowOf(page, `Changed ${tag} (elsewhere)`)).toHaveAttribute('data-change', 'changed');
});

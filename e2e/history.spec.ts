// The History page: changes made through the app, with who and when, for people who may write.
// Names here are unique to this spec (specs share one database).
import { expect, test } from './support/fixtures';
import { signIn } from './support/signIn';

test('a rename made in the app is on the History page, with who and when, and found by either name', async ({
  page,
  adminApi,
}) => {
  const original = await adminApi.create(`Chronicle Intro ${Date.now()}`);
  const renamed = `${original.name} (renamed)`;
  await signIn(page, 'manager');
  await page.getByRole('button', { name: `Edit ${original.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit “${original.name}”` });
  await dialog.getByLabel('Name').fill(renamed);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/call-purposes\/history$/);
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  const changes = page.getByRole('list', { name: 'Changes, newest first' });
  // The changes themselves, not the writes listed inside each.
  const items = changes.locator(':scope > li');
  const change = items.filter({ hasText: renamed }).first();
  await expect(change).toContainText(`Renamed “${original.name}” to “${renamed}”`);
  await expect(change).toContainText('Maria Chen');
  await expect(change.locator('time')).toHaveText(/just now|seconds? ago|minutes? ago/);

  // Its writes, opened by keyboard.
  await change.getByText('1 write').focus();
  await page.keyboard.press('Enter');
  await expect(change.getByRole('listitem')).toHaveText(
    `Renamed “${original.name}” to “${renamed}”`,
  );

  // Filtered by the purpose's earlier name: the change is found by either name.
  await page.getByLabel('Purpose name').fill(original.name.toLowerCase());
  await expect(items.filter({ hasText: 'Renamed' })).toHaveCount(1);
  await page.getByLabel('Purpose name').fill('no purpose is called this');
  await expect(page.getByText('No change matches these filters.')).toBeVisible();
});

test('an agent sees no History link, and the page says the history is not for them', async ({
  page,
}) => {
  await signIn(page, 'agent');
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('link', { name: 'History' })).toHaveCount(0);
  await page.goto('/call-purposes/history');
  await expect(page.getByRole('alert')).toHaveText(
    /The history is for people who may change call purposes/,
  );
});

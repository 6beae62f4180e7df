// Addresses the app has no page for, and a page whose code fails to arrive: each says so and
// offers the way back to the list, inside the signed-in layout.
import { expect, test } from './support/fixtures';
import { signIn } from './support/signIn';

test('an address with no page says so and links back to the list', async ({ page }) => {
  await signIn(page, 'agent', '/no/such/page');
  await expect(page.getByText('There is no page here.')).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await page.getByRole('link', { name: 'Go to call purposes' }).click();
  await expect(page).toHaveURL(/\/call-purposes$/);
  await expect(page.getByRole('heading', { name: 'Call purposes' })).toBeVisible();
});

test('a dialog whose code cannot be fetched shows the error boundary, not a blank page', async ({
  page,
  adminApi,
}) => {
  const target = await adminApi.create(`Unreachable Code ${Date.now()}`);
  // Before the list shows: the dialog's code may be fetched ahead of the click.
  await page.route('**/assets/EditCallPurposeDialog-*.js', (route) =>
    route.abort('connectionrefused'),
  );
  await signIn(page, 'admin');
  await page.getByRole('button', { name: `Edit ${target.name}` }).click();

  await expect(page.getByText('This page could not be shown.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  // The list above it stays; the way back clears the error.
  await expect(page.getByRole('rowheader', { name: target.name })).toBeVisible();
  await page.getByRole('link', { name: 'Back to call purposes' }).click();
  await expect(page).toHaveURL(/\/call-purposes$/);
  await expect(page.getByText('This page could not be shown.')).toBeHidden();
});

test('a delete dialog whose code cannot be fetched says so in a toast and leaves the list as it was', async ({
  page,
  adminApi,
}) => {
  const target = await adminApi.create(`Undeletable Code ${Date.now()}`);
  await page.route('**/assets/DeleteCallPurposeDialog-*.js', (route) =>
    route.abort('connectionrefused'),
  );
  await signIn(page, 'admin');
  await page.getByRole('button', { name: `Delete ${target.name}` }).click();

  await expect(page.getByText(/^The dialog could not be opened/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  // Nothing was deleted, and the list is still there to work with.
  await expect(page.getByRole('rowheader', { name: target.name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New call purpose' })).toBeEnabled();
  expect((await adminApi.list()).some((purpose) => purpose.id === target.id)).toBe(true);
});

// Create, edit and delete through the UI; every result is confirmed through the API itself.
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';
import { signIn } from './support/signIn';

test('an admin creates a purpose, which lands at the end of the list', async ({
  page,
  adminApi,
}, testInfo) => {
  const name = `Budget Review ${Date.now()}`;
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'New call purpose' }).click();
  await expect(page).toHaveURL(/\/call-purposes\/new$/);
  const dialog = page.getByRole('dialog', { name: 'New call purpose' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByLabel('Name').fill(`   ${name}  `);
  await expect(dialog.getByText(`${name.length}/255`)).toBeVisible();
  await saveScreenshot(page, testInfo, 'form-create');
  await dialog.getByRole('button', { name: 'Create' }).click();

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/call-purposes$/);
  await expect(page.getByText(`Created “${name}”.`)).toBeVisible();
  await expect(page.getByRole('rowheader').last()).toHaveText(name);

  const stored = await adminApi.list();
  const created = stored.find((purpose) => purpose.name === name);
  expect(created, 'the trimmed name is stored').toBeDefined();
  const maxOrder = Math.max(...stored.map((purpose) => purpose.order ?? -Infinity));
  expect(created?.order === null || created?.order === maxOrder).toBe(true);
});

test('an admin edits a purpose from its own URL', async ({ page, adminApi }, testInfo) => {
  const server = adminApi;
  const original = await server.create(`Quarterly Check ${Date.now()}`);
  const renamed = `${original.name} (renamed)`;
  await signIn(page, 'admin');

  await page.getByRole('button', { name: `Edit ${original.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/call-purposes/${original.id}/edit$`));
  const dialog = page.getByRole('dialog', { name: `Edit “${original.name}”` });
  await expect(dialog.getByLabel('Name')).toHaveValue(original.name);
  await dialog.getByLabel('Name').fill(renamed);
  await saveScreenshot(page, testInfo, 'form-edit');
  await dialog.getByRole('button', { name: 'Save changes' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('rowheader', { name: renamed, exact: true })).toBeVisible();
  expect((await server.list()).find((purpose) => purpose.id === original.id)?.name).toBe(renamed);

  // The edit URL works as a deep link too, prefilled.
  await page.goto(`/call-purposes/${original.id}/edit`);
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveValue(renamed);
});

test('an admin deletes a purpose after confirming by name', async ({ page, adminApi }) => {
  const server = adminApi;
  const doomed = await server.create(`Obsolete Purpose ${Date.now()}`);
  await signIn(page, 'admin');

  await page.getByRole('button', { name: `Delete ${doomed.name}` }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete call purpose?' });
  await expect(dialog).toContainText(doomed.name);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await server.status(`/callPurposes/${doomed.id}`)).toBe(200);

  await page.getByRole('button', { name: `Delete ${doomed.name}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText(`Deleted “${doomed.name}”.`)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: doomed.name })).toHaveCount(0);
  expect(await server.status(`/callPurposes/${doomed.id}`)).toBe(404);
});

test('a failed delete brings the row back with the reason', async ({ page, adminApi }) => {
  const doomed = await adminApi.create(`Sticky Purpose ${Date.now()}`);
  await signIn(page, 'admin');
  await page.route(`**/api/v2/callPurposes/${doomed.id}`, (route) =>
    route.request().method() === 'DELETE' ? route.abort('connectionrefused') : route.fallback(),
  );

  await page.getByRole('button', { name: `Delete ${doomed.name}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(
    page.getByText(`Could not delete “${doomed.name}”: Cannot reach the server`),
  ).toBeVisible();
  await expect(page.getByRole('rowheader', { name: doomed.name })).toBeVisible();
  expect(await adminApi.status(`/callPurposes/${doomed.id}`)).toBe(200);
});

test('leaving the form with unsaved changes asks first', async ({ page, adminApi }) => {
  const target = await adminApi.create(`Unsaved Purpose ${Date.now()}`);
  await signIn(page, 'admin', `/call-purposes/${target.id}/edit`);
  const form = page.getByRole('dialog', { name: `Edit “${target.name}”` });
  await form.getByLabel('Name').fill('Something else');
  await form.getByRole('button', { name: 'Cancel' }).click();

  const prompt = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(form.getByLabel('Name')).toHaveValue('Something else');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page).toHaveURL(/\/call-purposes$/);
  expect((await adminApi.findByName(target.name))?.id).toBe(target.id);
});

test("the browser's Back button asks too before leaving unsaved changes", async ({
  page,
  adminApi,
}) => {
  const target = await adminApi.create(`Unsaved Back ${Date.now()}`);
  await signIn(page, 'admin');
  await page.getByRole('button', { name: `Edit ${target.name}` }).click();
  const form = page.getByRole('dialog', { name: `Edit “${target.name}”` });
  await form.getByLabel('Name').fill('Something else');

  await page.goBack();
  const prompt = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page).toHaveURL(new RegExp(`/call-purposes/${target.id}/edit$`));
  await expect(form.getByLabel('Name')).toHaveValue('Something else');

  await page.goBack();
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page).toHaveURL(/\/call-purposes$/);
  await expect(form).toBeHidden();
  expect((await adminApi.findByName(target.name))?.id).toBe(target.id);
});

test('editing a purpose deleted meanwhile says it no longer exists', async ({ page, adminApi }) => {
  const server = adminApi;
  const target = await server.create(`Vanishing Purpose ${Date.now()}`);
  await signIn(page, 'admin', `/call-purposes/${target.id}/edit`);
  const form = page.getByRole('dialog');
  await form.getByLabel('Name').fill('Too late');
  await server.request(`/callPurposes/${target.id}`, { method: 'DELETE' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText(/no longer exists/)).toBeVisible();

  await page.goto(`/call-purposes/${target.id}/edit`);
  await expect(page.getByRole('dialog').getByText(/no longer exists/)).toBeVisible();
});

// Bad input gets a clear message on the field: from the form itself, and from the server's 422.
import { expect, test } from './support/fixtures';
import { signIn } from './support/signIn';

test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin', '/call-purposes/new');
});

test('a blank name is refused before anything is sent', async ({ page }) => {
  const dialog = page.getByRole('dialog', { name: 'New call purpose' });
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/api/v2/')) posts += 1;
  });
  await dialog.getByLabel('Name').fill('    ');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Enter a name.')).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  expect(posts).toBe(0);
});

test('a name of invisible characters, or with control characters, is refused before sending', async ({
  page,
}) => {
  const dialog = page.getByRole('dialog', { name: 'New call purpose' });
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/api/v2/')) posts += 1;
  });
  const name = dialog.getByLabel('Name');
  // Zero-width space, zero-width joiner and a BOM: nothing a rep could read.
  await name.fill('\u200b\u200d\ufeff');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Enter a name.')).toBeVisible();
  await name.fill('Follow\tUp');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(
    dialog.getByText('Remove tabs, line breaks and other control characters from the name.'),
  ).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  expect(posts).toBe(0);
});

test('256 characters are too many, 255 are fine', async ({ page, adminApi: api }) => {
  const dialog = page.getByRole('dialog', { name: 'New call purpose' });
  const name = dialog.getByLabel('Name');
  await name.fill('x'.repeat(256));
  await expect(dialog.getByText('256/255')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Use at most 255 characters (this name has 256).')).toBeVisible();

  const accepted = `${Date.now()}`.padEnd(255, 'y');
  await name.fill(accepted);
  await expect(dialog.getByText('Use at most 255 characters')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  expect(await api.findByName(accepted)).toBeDefined();
});

test('a name that reads like an existing one gets a warning', async ({ page }) => {
  const dialog = page.getByRole('dialog', { name: 'New call purpose' });
  await dialog.getByLabel('Name').fill('  follow   UP ');
  await expect(dialog.getByText('“Follow Up” already exists.', { exact: false })).toBeVisible();
  await dialog.getByLabel('Name').fill('Follow Up Later');
  await expect(dialog.getByText(/already exists/)).toHaveCount(0);
});

test("the server's 422 lands on the field its source.pointer names", async ({ page }) => {
  const dialog = page.getByRole('dialog', { name: 'New call purpose' });
  // A crafted request: the app's own POST, with the name replaced on the way by one the form
  // would never send, so the real server answers 422.
  await page.route('**/api/v2/callPurposes?*', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.fallback();
    const body = request.postDataJSON() as { data: { attributes: { name: string } } };
    body.data.attributes.name = ' '.repeat(3);
    await route.continue({ postData: JSON.stringify(body) });
  });
  const answer = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().includes('/api/v2/'),
  );
  await dialog.getByLabel('Name').fill('Looks fine');
  await dialog.getByRole('button', { name: 'Create' }).click();

  const response = await answer;
  expect(response.status()).toBe(422);
  const { errors } = (await response.json()) as {
    errors: { detail?: string; title?: string; source?: { pointer?: string } }[];
  };
  expect(errors[0]?.source?.pointer).toBe('/data/attributes/name');
  const message = errors[0]?.detail ?? errors[0]?.title ?? '';
  await expect(dialog.getByText(message, { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
});

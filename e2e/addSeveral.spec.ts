// Adding a dozen purposes in one paste: the preview, the count on the button, creation in the
// pasted order at the end of the list, and failures listed with a Retry that never duplicates.
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';
import { signIn } from './support/signIn';

test('12 lines with a repeat, a blank and an existing name create exactly the 9 new ones, in order', async ({
  page,
  adminApi: server,
}, testInfo) => {
  const tag = Date.now();
  const fresh = Array.from(
    { length: 9 },
    (_, index) => `Bulk ${tag} ${String.fromCharCode(65 + index)}`,
  );
  const lines = [
    ...fresh.slice(0, 4),
    '',
    `  ${fresh[1]?.toUpperCase()}  `, // repeats line 2, ignoring case and spaces
    ...fresh.slice(4, 8),
    'demo', // the seeded "Demo"
    fresh[8],
  ];
  expect(lines).toHaveLength(12);
  const before = await server.list();

  await signIn(page, 'manager');
  await page.getByRole('button', { name: 'Add several' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add several call purposes' });
  await dialog.getByLabel('Names, one per line').fill(lines.join('\n'));
  const preview = dialog.getByRole('list', { name: 'Preview' });
  await expect(preview.getByRole('listitem')).toHaveCount(12);
  await expect(preview.getByRole('listitem').nth(0)).toContainText('will be added');
  await expect(preview.getByRole('listitem').nth(4)).toContainText('blank, skipped');
  await expect(preview.getByRole('listitem').nth(5)).toContainText('repeats line 2, skipped');
  await expect(preview.getByRole('listitem').nth(10)).toContainText('same as “Demo”, skipped');
  await saveScreenshot(page, testInfo, 'add-several-preview');

  await dialog.getByRole('button', { name: 'Add 9 call purposes' }).click();
  await expect(dialog.getByText('Added 9 of 9 call purposes.')).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '9');
  await saveScreenshot(page, testInfo, 'add-several-done');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const after = await server.list();
  const added = after.filter((purpose) => !before.some((old) => old.id === purpose.id));
  expect(added.map((purpose) => purpose.name).sort()).toEqual([...fresh].sort());
  // In pasted order, after everything that was there.
  const lastBefore = Math.max(...before.map((purpose) => purpose.order ?? -Infinity));
  const byOrder = [...added].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.id - b.id);
  expect(byOrder.map((purpose) => purpose.name)).toEqual(fresh);
  expect(byOrder.every((purpose) => (purpose.order ?? -Infinity) > lastBefore)).toBe(true);
  const shown = await page.getByRole('rowheader').allTextContents();
  expect(shown.slice(-9)).toEqual(fresh);
  // Other specs assume the manager created only the seeded purposes: leave the list as it was.
  for (const purpose of added) {
    await server.request(`/callPurposes/${purpose.id}`, { method: 'DELETE' });
  }
});

test('a failed POST is listed with its reason; Retry adds it once, even when the answer was lost', async ({
  page,
  adminApi: server,
}) => {
  const tag = Date.now();
  const names = [1, 2, 3, 4, 5].map((n) => `Retry ${tag} ${n}`);
  const refused = names[1]!; // never reaches the server
  const lost = names[3]!; // reaches the server, but the browser never hears back
  let failing = true;
  await page.route(
    (url) => url.pathname === '/api/v2/callPurposes',
    async (route) => {
      const request = route.request();
      const body =
        request.method() === 'POST'
          ? (request.postDataJSON() as { data?: { attributes?: { name?: string } } } | null)
          : null;
      const name = body?.data?.attributes?.name;
      if (!failing || (name !== refused && name !== lost)) return route.continue();
      if (name === refused) {
        return route.fulfill({
          status: 503,
          contentType: 'application/vnd.api+json',
          body: JSON.stringify({ errors: [{ id: 'unavailable', title: 'Service Unavailable' }] }),
        });
      }
      await route.fetch();
      return route.abort('timedout');
    },
  );

  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Add several' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add several call purposes' });
  await dialog.getByLabel('Names, one per line').fill(names.join('\n'));
  await dialog.getByRole('button', { name: 'Add 5 call purposes' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByText('Added 3 of 5 call purposes.')).toBeVisible();
  const failures = dialog.getByRole('list', { name: 'Not added' });
  await expect(failures.getByRole('listitem')).toHaveCount(2);
  await expect(failures.getByRole('listitem').filter({ hasText: refused })).toContainText(
    'HTTP 503',
  );
  await expect(failures.getByRole('listitem').filter({ hasText: lost })).toContainText(
    'Cannot reach the server',
  );
  expect((await server.list()).filter((purpose) => purpose.name === lost)).toHaveLength(1);

  failing = false;
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.getByText('Added 5 of 5 call purposes.')).toBeVisible();
  await expect(failures).toBeHidden();
  const stored = await server.list();
  for (const name of names) {
    expect(
      stored.filter((purpose) => purpose.name === name),
      name,
    ).toHaveLength(1);
  }
  const ordered = stored
    .filter((purpose) => names.includes(purpose.name))
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  expect(ordered.map((purpose) => purpose.name)).toEqual(names);
});

test('names come from a .csv file’s name column', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('button', { name: 'Add several' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add several call purposes' });
  await dialog.getByLabel(/Read names from a file/).setInputFiles({
    name: 'purposes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('position,name,order\r\n1,"Upsell, annual",10\r\n2,Win-back,20\r\n'),
  });
  await expect(dialog.getByLabel('Names, one per line')).toHaveValue('Upsell, annual\nWin-back');
  await expect(dialog.getByRole('button', { name: 'Add 2 call purposes' })).toBeEnabled();
});

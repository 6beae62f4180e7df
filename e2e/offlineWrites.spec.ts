// Offline, a write says at once that there is no connection and is not queued: a write the user
// discards or leaves is never sent when the network comes back. Every check goes to the API.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { OutreachApi } from './support/outreachApi';
import { signIn } from './support/signIn';
const NO_CONNECTION = /No connection/;

/** Every write the page sends from now on ("METHOD path"), to prove none went out later. */
function recordWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/api/v2/')) {
      writes.push(`${request.method()} ${new URL(request.url()).pathname}`);
    }
  });
  return writes;
}

/**
 * Back online, then one deliberate rename through the UI that must round-trip (a read, the PATCH,
 * the list's refresh): anything the app had queued while offline would have gone out before it.
 */
async function comeBackOnlineAndSaveAMarker(
  api: OutreachApi,
  context: BrowserContext,
  page: Page,
): Promise<string> {
  const marker = await api.create(`Offline Marker ${Date.now()}`);
  await context.setOffline(false);
  await expect(page.getByRole('button', { name: `Edit ${marker.name}` })).toBeVisible();
  const renamed = `${marker.name} saved`;
  await page.getByRole('button', { name: `Edit ${marker.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit “${marker.name}”` });
  await dialog.getByLabel('Name').fill(renamed);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Saved “${renamed}”.`)).toBeVisible();
  return `PATCH /api/v2/callPurposes/${marker.id}`;
}

test('a rename saved offline says so at once, and once discarded is never sent', async ({
  page,
  context,
  adminApi,
}) => {
  const purpose = await adminApi.create(`Offline Rename ${Date.now()}`);
  await signIn(page, 'manager');
  await page.getByRole('button', { name: `Edit ${purpose.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit “${purpose.name}”` });
  await dialog.getByLabel('Name').fill(`${purpose.name} offline`);

  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText(NO_CONNECTION)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeEnabled();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();

  const writes = recordWrites(page);
  const markerWrite = await comeBackOnlineAndSaveAMarker(adminApi, context, page);
  expect(writes).toEqual([markerWrite]);
  expect((await adminApi.list()).find((item) => item.id === purpose.id)?.name).toBe(purpose.name);
});

test('a purpose created offline says so at once, and once discarded is never sent', async ({
  page,
  context,
  adminApi,
}) => {
  const name = `Offline Create ${Date.now()}`;
  await signIn(page, 'manager');
  await page.getByRole('button', { name: 'New call purpose' }).click();
  const dialog = page.getByRole('dialog', { name: 'New call purpose' });
  await dialog.getByLabel('Name').fill(name);

  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText(NO_CONNECTION)).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();

  const writes = recordWrites(page);
  const markerWrite = await comeBackOnlineAndSaveAMarker(adminApi, context, page);
  expect(writes).toEqual([markerWrite]);
  expect(await adminApi.findByName(name)).toBeUndefined();
});

test('a delete confirmed offline says so at once, keeps the row, and is never sent', async ({
  page,
  context,
  adminApi,
}) => {
  const purpose = await adminApi.create(`Offline Delete ${Date.now()}`);
  await signIn(page, 'admin');
  await page.getByRole('button', { name: `Delete ${purpose.name}` }).click();
  await expect(page.getByRole('alertdialog')).toContainText(purpose.name);
  await context.setOffline(true);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();

  await expect(page.getByText(`Could not delete “${purpose.name}”`)).toBeVisible();
  await expect(page.getByText(NO_CONNECTION)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: purpose.name })).toBeVisible();

  const writes = recordWrites(page);
  const markerWrite = await comeBackOnlineAndSaveAMarker(adminApi, context, page);
  expect(writes).toEqual([markerWrite]);
  expect(await adminApi.status(`/callPurposes/${purpose.id}`)).toBe(200);
});

test('a move offline says so at once; not retried, it is never sent and the list shows the server', async ({
  page,
  context,
  adminApi,
}) => {
  await signIn(page, 'manager');
  const handle = page.getByRole('button', { name: 'Reorder Check-in' });
  await expect(handle).toBeVisible();
  // The order reps see, as the API sorts it (the oracle is the server, not the app's code).
  const serverOrder = async () => (await adminApi.list('order,id')).map((purpose) => purpose.name);
  const before = await serverOrder();
  const rows = () => page.getByRole('rowheader').allTextContents();
  const shownBefore = await rows();

  await context.setOffline(true);
  await handle.focus();
  await page.keyboard.press('Space');
  // dnd-kit counts arrows only once the pick-up has registered.
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#reorder-announcements')).toContainText('Check-in moved to position');
  await page.keyboard.press('Space');
  // The gesture, the reason, and what the list shows: offline, the server's order is unknown.
  const failure = page.getByText(
    /^Couldn't save moving Check-in\. No connection: you are offline\./,
  );
  await expect(failure).toContainText("the server's order is unknown");
  // Nothing was sent, so what is known to be saved is the order before the move.
  expect(await rows()).toEqual(shownBefore);

  const writes = recordWrites(page);
  const markerWrite = await comeBackOnlineAndSaveAMarker(adminApi, context, page);
  expect(writes).toEqual([markerWrite]);
  const after = await serverOrder();
  expect(after.filter((name) => before.includes(name))).toEqual(before);
  // The rows on screen (the first ones: the table renders those in view) are the server's.
  await expect.poll(async () => (await rows()).slice(0, 8)).toEqual(after.slice(0, 8));
});

test('Add several offline says so at once, queues nothing, and once closed creates nothing', async ({
  page,
  context,
  adminApi,
}) => {
  const names = [1, 2, 3].map((n) => `Offline Bulk ${Date.now()} ${n}`);
  await signIn(page, 'manager');
  await page.getByRole('button', { name: 'Add several' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add several call purposes' });
  await dialog.getByLabel('Names, one per line').fill(names.join('\n'));

  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Add 3 call purposes' }).click();
  await expect(dialog.getByText(NO_CONNECTION).first()).toBeVisible();
  await expect(dialog.getByText('Added 0 of 3 call purposes.')).toBeVisible();
  // Trying again offline says so again at once; it does not wait for the network.
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog.getByRole('alert')).toContainText(NO_CONNECTION);
  await expect(dialog.getByText('Added 0 of 3 call purposes.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const writes = recordWrites(page);
  const markerWrite = await comeBackOnlineAndSaveAMarker(adminApi, context, page);
  expect(writes).toEqual([markerWrite]);
  for (const name of names) expect(await adminApi.findByName(name)).toBeUndefined();
});

// A long list (2,000 purposes, seeded through the API on a server of its own): the table is
// virtualised, screen readers still get "row N of M", and reordering travels the whole list by
// keyboard and by mouse with auto-scroll. Results are checked through the API.
import { expect, test, type Page } from '@playwright/test';
import { startAppServer, type AppServerProcess } from './support/appServerProcess';
import { OutreachApi, tokenFor } from './support/outreachApi';
import { namesOnServer } from './support/reorderPage';
import { LONG_LIST_APP_PORT } from './support/servers';
import { seedUpTo } from './support/seedPurposes';
import { signIn } from './support/signIn';

const DATA_DIR = 'test-results/e2e-data/long-list';
const TOTAL = 2000;

let app: AppServerProcess;
let adminApi: OutreachApi;

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  app = await startAppServer({ port: LONG_LIST_APP_PORT, dataDir: DATA_DIR });
  adminApi = new OutreachApi(`${app.url}/emulator/api/v2`, tokenFor('admin', DATA_DIR));
  await seedUpTo(adminApi, TOTAL);
});

test.afterAll(async () => {
  await app?.stop();
});

const serverNames = () => namesOnServer(adminApi);
const live = (page: Page) => page.locator('#reorder-announcements');

async function openAsAdmin(page: Page): Promise<void> {
  await signIn(page, 'admin', '/call-purposes', app.url);
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
  await expect(page.getByRole('button', { name: /^Reorder / }).first()).toBeVisible();
}

test('only rows near the window are mounted, and each says which row of how many it is', async ({
  page,
}) => {
  await openAsAdmin(page);
  const rows = page.locator('tbody tr[aria-rowindex]');
  const mounted = await rows.count();
  expect(mounted).toBeGreaterThan(5);
  expect(mounted).toBeLessThan(100);
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
  await expect(page.getByRole('columnheader', { name: 'Position' })).toBeVisible();

  const names = await serverNames();
  const last = page.getByRole('row', { name: new RegExp(names[TOTAL - 1] as string) });
  // Rows are measured as they mount, so the page's height can still change under the first
  // scroll to the end (estimates become sizes): scroll again until the last row is there.
  await page.keyboard.press('End');
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(last).toHaveAttribute('aria-rowindex', String(TOTAL + 1), { timeout: 1_000 });
  }).toPass();
  await expect(last.getByRole('cell').first()).toBeVisible();
  await expect(last).toContainText(String(TOTAL));
  expect(await rows.count()).toBeLessThan(100);

  // Search still reaches rows that were never mounted, with their true positions.
  await page.getByLabel('Search call purposes').fill('Purpose 0500');
  const found = page.getByRole('row', { name: /Purpose 0500/ });
  await expect(found).toHaveAttribute('aria-rowindex', '2');
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', '2');
  await expect(found.getByRole('cell').first()).toBeVisible();
});

test('Tab moves focus row to row past the mounted rows', async ({ page }) => {
  await openAsAdmin(page);
  await page
    .getByRole('button', { name: /^More actions for / })
    .first()
    .focus();
  let previous = 1;
  for (let step = 0; step < 120; step += 1) {
    await page.keyboard.press('Tab');
    const index = await page.evaluate(() =>
      Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') ?? -1),
    );
    expect(index).toBeGreaterThanOrEqual(previous);
    previous = index;
  }
  // Five focusable controls a row (handle, Edit, Delete, menu): well past the first screen.
  expect(previous).toBeGreaterThan(25);
});

test('a keyboard drag carries the first purpose to the last of 2,000, announced all the way', async ({
  page,
}, testInfo) => {
  await openAsAdmin(page);
  const first = (await serverNames())[0] as string;
  const handle = page.getByRole('button', { name: `Reorder ${first}`, exact: true });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await expect(live(page)).toHaveText(`Picked up ${first}, position 1 of ${TOTAL}.`);
  await page.keyboard.press('ArrowDown');
  await expect(live(page)).toHaveText(`${first} moved to position 2 of ${TOTAL}.`);
  for (let step = 2; step < 12; step += 1) await page.keyboard.press('ArrowDown');
  await expect(live(page)).toHaveText(`${first} moved to position 12 of ${TOTAL}.`);
  // Page Down moves ten places at a time, scrolling as it goes, through rows never mounted.
  let position = 12;
  while (position < TOTAL - 10) {
    await page.keyboard.press('PageDown');
    position += 10;
    if (position % 100 === 2) {
      await expect(live(page)).toHaveText(`${first} moved to position ${position} of ${TOTAL}.`);
      await expect(handle).toBeInViewport();
    }
  }
  while (position < TOTAL) {
    await page.keyboard.press('ArrowDown');
    position += 1;
  }
  await expect(live(page)).toHaveText(`${first} moved to position ${TOTAL} of ${TOTAL}.`);
  // The row travelled with the window, and its handle kept focus all the way.
  await expect(handle).toBeFocused();
  await expect(handle).toBeInViewport();
  // The viewport only: a full-page capture resizes the window, and this page is over 100,000 px tall.
  const path = 'test-results/screenshots/long-list-keyboard-drag-at-the-end.png';
  await page.screenshot({ path });
  await testInfo.attach('long-list-keyboard-drag-at-the-end', { path, contentType: 'image/png' });
  await page.keyboard.press('ArrowDown');
  await expect(live(page)).toHaveText(`${first} moved to position ${TOTAL} of ${TOTAL}.`);

  await page.keyboard.press('Space');
  await expect(live(page)).toHaveText(`${first} dropped at position ${TOTAL} of ${TOTAL}.`);
  await expect(page.getByText('Saving order…')).toBeHidden();
  await expect.poll(async () => (await serverNames()).at(-1)).toBe(first);
  await expect(handle).toBeFocused();
  const row = page.getByRole('row', { name: new RegExp(first) });
  await expect(row).toHaveAttribute('aria-rowindex', String(TOTAL + 1));
});

test('a mouse drag auto-scrolls the page and drops far below the rows first mounted', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAsAdmin(page);
  const names = await serverNames();
  const moving = names[2] as string;
  const handle = page.getByRole('button', { name: `Reorder ${moving}`, exact: true });
  const box = await handle.boundingBox();
  if (!box) throw new Error('the handle is not laid out');
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height / 2 + 10, { steps: 3 });
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  // Into the bottom edge: the page scrolls on its own while the pointer rests there.
  await page.mouse.move(x, 790, { steps: 10 });
  // dnd-kit stops scrolling as soon as the pointer heads back up: let it carry well past the
  // rows first mounted before turning back.
  await expect
    .poll(() => page.evaluate(() => window.scrollY), { timeout: 60_000 })
    .toBeGreaterThan(4500);
  await page.mouse.move(x, 400, { steps: 10 });
  const said = await live(page).textContent();
  const position = Number(/position (\d+) of/.exec(said ?? '')?.[1]);
  expect(position).toBeGreaterThan(60);
  await page.mouse.up();
  await expect(live(page)).toHaveText(`${moving} dropped at position ${position} of ${TOTAL}.`);
  await expect(page.getByText('Saving order…')).toBeHidden();
  await expect.poll(async () => (await serverNames()).indexOf(moving)).toBe(position - 1);
});

test('a row menu opened before the drag code arrives stays open and focused when it does', async ({
  page,
}) => {
  // Hold back the reorder chunk (the drag code and the write queue), and only it, until the menu
  // is open.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  await page.route(/\/assets\/ReorderTools-[^/]+\.js$/, async (route) => {
    held = true;
    await released;
    await route.continue();
  });
  await signIn(page, 'manager', '/call-purposes', app.url);
  const names = await serverNames();
  const name = names[3] as string;
  const menuButton = page.getByRole('button', { name: `More actions for ${name}` });
  await menuButton.click();
  const item = page.getByRole('menuitem', { name: 'Move to top' });
  await expect(item).toBeFocused();
  await expect(page.getByRole('button', { name: /^Reorder / })).toHaveCount(0);
  expect(held).toBe(true);
  await page.evaluate(() => {
    document.querySelector('table')?.setAttribute('data-original', 'yes');
  });

  release();
  await expect(page.getByRole('button', { name: `Reorder ${name}` })).toBeVisible();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(item).toBeFocused();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  // The same table element: nothing was unmounted and rebuilt.
  await expect(page.locator('table[data-original="yes"]')).toHaveCount(1);
});

test('a move chosen from the row menu before the reorder code arrives runs when it does', async ({
  page,
}) => {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/ReorderTools-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await signIn(page, 'admin', '/call-purposes', app.url);
  const name = (await serverNames())[4] as string;
  await page.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Move to top' }).click();
  await expect(page.getByRole('menu')).toBeHidden();
  // Nothing can move yet: the list and the server keep their order.
  expect((await serverNames()).indexOf(name)).toBe(4);

  release();
  await expect(live(page)).toHaveText(`${name} moved to position 1 of ${TOTAL}.`);
  await expect.poll(async () => (await serverNames())[0]).toBe(name);
});

test('the first page shows while the second is held back; reordering, Sort A–Z and Add several wait for the rest', async ({
  page,
}) => {
  // The second page (the request with a `page[after]` cursor) is only delayed, never faked: it
  // goes on to the server once the first rows have been checked.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  await page.route(
    (url) => url.pathname === '/api/v2/callPurposes' && url.searchParams.has('page[after]'),
    async (route) => {
      held = true;
      await released;
      await route.continue();
    },
  );
  await signIn(page, 'admin', '/call-purposes', app.url);
  const names = await serverNames();
  const third = names[2] as string;
  await expect(page.getByRole('rowheader').first()).toHaveText(names[0] as string);
  const firstRows = await page.getByRole('rowheader').allTextContents();
  expect(firstRows).toEqual(names.slice(0, firstRows.length));
  expect(held).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'the rest are loading' })).toHaveText(
    /^Showing the first 1,000 call purposes; the rest are loading\./,
  );
  await expect(page.getByRole('button', { name: 'Add several' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  // The reorder code arrives meanwhile; its handles and Sort A–Z stay off until the rest is in.
  await expect(page.getByRole('button', { name: `Reorder ${third}` })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Sort A–Z' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  const top = await page.getByRole('rowheader', { name: third, exact: true }).boundingBox();

  release();
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
  // The rows on screen stayed where they were.
  expect(await page.getByRole('rowheader', { name: third, exact: true }).boundingBox()).toEqual(
    top,
  );
  await expect(page.getByRole('button', { name: `Reorder ${third}` })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Add several' })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(page.getByRole('status').filter({ hasText: 'the rest are loading' })).toHaveCount(0);
});

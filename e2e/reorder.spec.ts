// Drag-to-reorder in Chromium against the real app server and emulator, on a server of its own
// (fresh DATA_DIR) so its writes never disturb the other specs. Every result is checked through
// the API after a reload, and the PATCHes seen on the network are counted against the planner.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page, type Route, type TestInfo } from '@playwright/test';
import { SEEDED_PURPOSES } from '../shared/seededPurposes';
import { startAppServer, type AppServerProcess } from './support/appServerProcess';
import { OutreachApi, tokenFor } from './support/outreachApi';
import {
  namesOnServer,
  openList,
  purposeUrl,
  recordPatches,
  rowNames,
  serverChanges,
  setSeededOrders,
  settled,
  sortedById,
} from './support/reorderPage';
import { settledNetwork } from './support/requestsInFlight';
import { saveScreenshot } from './support/screenshots';
import { REORDER_APP_PORT } from './support/servers';
import type { Role } from './support/signIn';

const DATA_DIR = 'test-results/e2e-data/reorder';
const SEEDED = SEEDED_PURPOSES.map((purpose) => purpose.name);
const CONCURRENT_CHANGE = 'Someone else changed the order while yours was being saved.';

let app: AppServerProcess;
let adminApi: OutreachApi;

test.beforeAll(async () => {
  app = await startAppServer({ port: REORDER_APP_PORT, dataDir: DATA_DIR });
  adminApi = new OutreachApi(`${app.url}/emulator/api/v2`, tokenFor('admin', DATA_DIR));
});

test.afterAll(async () => {
  await app?.stop();
});

// Each test starts from the seeded orders: 10, 20, …, 80.
test.beforeEach(async () => {
  await setSeededOrders(adminApi, (index) => SEEDED_PURPOSES[index]?.order ?? 0);
});

const serverNames = () => namesOnServer(adminApi);
const open = (page: Page, role: Role) => openList(page, role, app.url, SEEDED.length);

/**
 * A full-page screenshot resizes the viewport, which would move the rows under the pointer: mid-drag,
 * capture only the viewport.
 */
async function screenshotMidDrag(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  const path = `test-results/screenshots/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const idOf = (name: string) => SEEDED_PURPOSES.find((purpose) => purpose.name === name)?.id ?? -1;
const live = (page: Page) => page.locator('#reorder-announcements');

async function moveFromMenu(page: Page, name: string, item: 'Move to top' | 'Move to bottom') {
  await page.getByRole('button', { name: `More actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('an admin drags a purpose with the mouse: one PATCH for a move into a gap', async ({
  page,
}, testInfo) => {
  // Tall enough for the whole list, so the drag never nears an edge and auto-scrolls.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await open(page, 'admin');
  const patches = recordPatches(page);
  const changes = await serverChanges(adminApi);

  const handle = await page.getByRole('button', { name: 'Reorder Renewal' }).boundingBox();
  const target = await page.getByRole('rowheader', { name: 'Discovery Call' }).boundingBox();
  if (!handle || !target) throw new Error('the rows are not laid out');
  const x = handle.x + handle.width / 2;
  await page.mouse.move(x, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, handle.y + handle.height / 2 - 8, { steps: 4 });
  await page.mouse.move(x, target.y + target.height / 2, { steps: 20 });
  await expect(page.getByRole('button', { name: 'Reorder Renewal' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await screenshotMidDrag(page, testInfo, 'reorder-during-mouse-drag');
  await page.mouse.up();

  const wanted = ['Initial Contact', 'Follow Up', 'Renewal', 'Discovery Call', 'Demo'];
  await expect.poll(() => rowNames(page).then((names) => names.slice(0, 5))).toEqual(wanted);
  await settled(page);
  await saveScreenshot(page, testInfo, 'reorder-after-mouse-drag');
  // Into the gap between Follow Up (20) and Discovery Call (30): one write, Renewal's.
  expect(patches).toEqual(await changes.writes());
  expect(patches.map((patch) => patch.id)).toEqual([idOf('Renewal')]);

  await page.reload();
  await expect.poll(() => rowNames(page)).toEqual(await serverNames());
  expect((await serverNames()).slice(0, 5)).toEqual(wanted);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });

  test('a manager presses and holds a handle, then drags with a finger', async ({
    page,
  }, testInfo) => {
    await open(page, 'manager');
    const patches = recordPatches(page);
    // On a phone the list starts below the title's buttons: bring the row on screen first.
    await page.getByRole('button', { name: 'Reorder Check-in' }).scrollIntoViewIfNeeded();
    const handle = await page.getByRole('button', { name: 'Reorder Check-in' }).boundingBox();
    const target = await page.getByRole('rowheader', { name: 'Discovery Call' }).boundingBox();
    if (!handle || !target) throw new Error('the rows are not laid out');
    const x = handle.x + handle.width / 2;
    const y = handle.y + handle.height / 2;
    const targetY = target.y + target.height / 2;

    const touch = await page.context().newCDPSession(page);
    const at = (pointY: number) => [{ x, y: pointY, id: 1 }];
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(y) });
    // The TouchSensor waits for a press-and-hold, so a swipe still scrolls the page: the drag
    // starts (the handle is pressed) only once the finger has rested long enough.
    await expect(page.getByRole('button', { name: 'Reorder Check-in' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    for (let step = 1; step <= 12; step += 1) {
      const pointY = y + ((targetY - y) * step) / 12;
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(pointY) });
    }
    await expect(page.getByRole('button', { name: 'Reorder Check-in' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await screenshotMidDrag(page, testInfo, 'reorder-during-touch-drag');
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });

    const wanted = ['Initial Contact', 'Follow Up', 'Check-in', 'Discovery Call'];
    await expect.poll(() => rowNames(page).then((names) => names.slice(0, 4))).toEqual(wanted);
    await settled(page);
    expect(patches).toHaveLength(1);
    await page.reload();
    await expect.poll(() => rowNames(page)).toEqual(await serverNames());
    expect((await serverNames()).slice(0, 4)).toEqual(wanted);
  });
});

test('a manager reorders by keyboard, between two locked purposes, with announcements', async ({
  page,
}) => {
  await open(page, 'manager');
  const patches = recordPatches(page);
  const handle = page.getByRole('button', { name: 'Reorder Demo' });
  await handle.focus();
  await page.keyboard.press('Space');
  // Arrows count only once the pick-up has registered: wait for it.
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await expect(live(page)).toHaveText('Picked up Demo, position 4 of 8.');
  await page.keyboard.press('ArrowUp');
  await expect(live(page)).toHaveText('Demo moved to position 3 of 8.');
  await page.keyboard.press('ArrowUp');
  await expect(live(page)).toHaveText('Demo moved to position 2 of 8.');
  await page.keyboard.press('Space');
  await expect(live(page)).toHaveText('Demo dropped at position 2 of 8.');
  await expect(handle).toBeFocused();

  const wanted = ['Initial Contact', 'Demo', 'Follow Up', 'Discovery Call'];
  await expect.poll(() => rowNames(page).then((names) => names.slice(0, 4))).toEqual(wanted);
  await settled(page);
  expect(patches).toHaveLength(1);

  await page.reload();
  await expect.poll(() => rowNames(page)).toEqual(await serverNames());
  const stored = await adminApi.list();
  expect(stored.find((purpose) => purpose.name === 'Initial Contact')?.order).toBe(10);
  expect(stored.find((purpose) => purpose.name === 'Follow Up')?.order).toBe(20);
  expect((await serverNames()).slice(0, 4)).toEqual(wanted);
});

test('Escape cancels a keyboard drag and writes nothing', async ({ page }) => {
  await open(page, 'manager');
  const patches = recordPatches(page);
  const handle = page.getByRole('button', { name: 'Reorder Negotiation' });
  await handle.focus();
  await page.keyboard.press('Enter');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(live(page)).toHaveText('Negotiation moved to position 7 of 8.');
  await page.keyboard.press('Escape');
  await expect(live(page)).toHaveText(
    'Reordering cancelled. Negotiation returned to position 6 of 8.',
  );
  await settledNetwork(page);
  expect(patches).toHaveLength(0);
  expect(await rowNames(page)).toEqual(SEEDED);
});

test('a manager cannot move a locked purpose, and moving to the top routes around it', async ({
  page,
}) => {
  await open(page, 'manager');
  for (const locked of ['Initial Contact', 'Follow Up']) {
    await expect(page.getByRole('button', { name: `Reorder ${locked}` })).toHaveCount(0);
    await expect(page.getByRole('button', { name: `More actions for ${locked}` })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: 'Reorder Demo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sort A–Z' })).toHaveCount(0);

  const patches = recordPatches(page);
  await moveFromMenu(page, 'Check-in', 'Move to top');
  await expect.poll(async () => (await rowNames(page))[0]).toBe('Check-in');
  await settled(page);
  expect(patches).toHaveLength(1);

  await page.reload();
  await expect.poll(() => rowNames(page)).toEqual(await serverNames());
  const stored = await adminApi.list();
  const orderOf = (name: string) => stored.find((purpose) => purpose.name === name)?.order;
  expect(orderOf('Initial Contact')).toBe(10);
  expect(orderOf('Follow Up')).toBe(20);
  expect(orderOf('Check-in')).toBeLessThan(10);
  expect((await serverNames())[0]).toBe('Check-in');
});

test("Sort A–Z sends exactly the planner's PATCHes", async ({ page }) => {
  await open(page, 'admin');
  const changes = await serverChanges(adminApi);
  const patches = recordPatches(page);
  await page.getByRole('button', { name: 'Sort A–Z' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sort call purposes A–Z?' });
  // Orders 10…80 in A–Z order read 70, 40, 30, 20, 10, 60, 50, 80: at most three (40, 60, 80)
  // can stay, so five must change.
  await expect(dialog).toContainText('updates 5 of them');
  await dialog.getByRole('button', { name: 'Sort A–Z' }).click();

  const alphabetical = [...SEEDED].sort((a, b) => a.localeCompare(b));
  await expect.poll(() => rowNames(page)).toEqual(alphabetical);
  await settled(page);
  // Exactly the orders that changed on the server, each written once.
  expect(patches).toHaveLength(5);
  expect(sortedById(patches)).toEqual(await changes.writes());

  await page.reload();
  await expect.poll(() => rowNames(page)).toEqual(alphabetical);
  expect(await serverNames()).toEqual(alphabetical);
});

test('an aborted PATCH leaves the list equal to the server, says so, and Retry saves it', async ({
  page,
}) => {
  await open(page, 'admin');
  await page.route(purposeUrl, (route) =>
    route.request().method() === 'PATCH' ? route.abort('connectionreset') : route.continue(),
  );
  await moveFromMenu(page, 'Renewal', 'Move to top');

  await expect(
    page.getByText(
      "Couldn't save moving Renewal to the top. Cannot reach the server. Check your connection and try again. The list shows the order saved on the server.",
    ),
  ).toBeVisible();
  await settled(page);
  expect(await serverNames()).toEqual(SEEDED);
  expect(await rowNames(page)).toEqual(SEEDED);

  await page.unroute(purposeUrl);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(async () => (await rowNames(page))[0]).toBe('Renewal');
  await settled(page);
  expect((await serverNames())[0]).toBe('Renewal');
});

test('two people reordering at once both end on the server order', async ({ browser }) => {
  const admin = await browser.newContext();
  const manager = await browser.newContext();
  try {
    const pages = [await admin.newPage(), await manager.newPage()] as const;
    await open(pages[0], 'admin');
    await open(pages[1], 'manager');

    // Hold each PATCH's answer until both writes are on the server, so each browser's writes
    // overlap the other's and its refetch sees both.
    let saved = 0;
    let release = () => {};
    const bothSaved = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holdUntilBothSaved = async (route: Route) => {
      if (route.request().method() !== 'PATCH') return route.continue();
      const response = await route.fetch();
      saved += 1;
      if (saved === 2) release();
      await bothSaved;
      await route.fulfill({ response });
    };
    await pages[0].route(purposeUrl, holdUntilBothSaved);
    await pages[1].route(purposeUrl, holdUntilBothSaved);

    await Promise.all([
      moveFromMenu(pages[0], 'Renewal', 'Move to top'),
      moveFromMenu(pages[1], 'Check-in', 'Move to top'),
    ]);
    for (const page of pages) {
      await expect(page.getByText(CONCURRENT_CHANGE)).toBeVisible();
      await settled(page);
    }
    const onServer = await serverNames();
    expect(onServer.slice(0, 2).sort()).toEqual(['Check-in', 'Renewal']);
    for (const page of pages) expect(await rowNames(page)).toEqual(onServer);
  } finally {
    await admin.close();
    await manager.close();
  }
});

test('reordering is off while the search box filters the list', async ({ page }) => {
  await open(page, 'manager');
  await page.getByLabel('Search call purposes').fill('d');
  await expect(
    page.getByText(
      'Reordering is off while the search filters the list. Clear the search to reorder.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reorder Demo' })).toBeDisabled();
  await page.getByLabel('Search call purposes').fill('');
  await expect(page.getByRole('button', { name: 'Reorder Demo' })).toBeEnabled();
});

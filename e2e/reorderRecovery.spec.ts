// Retry and Undo after reorders, in Chromium against the real app server and emulator, on a
// server of its own (fresh DATA_DIR). Request interception only fails chosen PATCHes; what the
// server holds is read through the API, and the PATCHes sent are compared, `{ id, order }` for
// `{ id, order }`, with the orders that changed on the server meanwhile (the API is the oracle).
import { expect, test, type Page } from '@playwright/test';
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
import { REORDER_RECOVERY_APP_PORT } from './support/servers';

const DATA_DIR = 'test-results/e2e-data/reorder-recovery';
const SEEDED = SEEDED_PURPOSES.map((purpose) => purpose.name);
/** The reproduction: Renewal moved to 3rd. */
const RENEWAL_THIRD = [
  'Initial Contact',
  'Follow Up',
  'Renewal',
  'Discovery Call',
  'Demo',
  'Pricing Discussion',
  'Negotiation',
  'Check-in',
];

let app: AppServerProcess;
let adminApi: OutreachApi;

test.beforeAll(async () => {
  app = await startAppServer({ port: REORDER_RECOVERY_APP_PORT, dataDir: DATA_DIR });
  adminApi = new OutreachApi(`${app.url}/emulator/api/v2`, tokenFor('admin', DATA_DIR));
});

test.afterAll(async () => {
  await app?.stop();
});

/** Check-in moved up one place, above Negotiation. */
const CHECK_IN_UP = [...SEEDED.slice(0, 5), 'Check-in', 'Negotiation', 'Renewal'];

const idOf = (name: string) => SEEDED_PURPOSES.find((purpose) => purpose.name === name)?.id ?? -1;
const nameOf = (id: number) => SEEDED_PURPOSES.find((purpose) => purpose.id === id)?.name;

const serverNames = () => namesOnServer(adminApi);
const setOrders = (orderOf: (index: number) => number) => setSeededOrders(adminApi, orderOf);

const live = (page: Page) => page.locator('#reorder-announcements');

/** Picks `name` up by keyboard, moves it up `steps` rows and drops it. */
async function moveUpByKeyboard(page: Page, name: string, steps: number): Promise<void> {
  const handle = page.getByRole('button', { name: `Reorder ${name}` });
  await handle.focus();
  await page.keyboard.press('Space');
  // Arrows count only once the pick-up has registered: wait for it.
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  const from = (await rowNames(page)).indexOf(name) + 1;
  for (let step = 1; step <= steps; step += 1) {
    await page.keyboard.press('ArrowUp');
    await expect(live(page)).toHaveText(
      `${name} moved to position ${from - step} of ${SEEDED.length}.`,
    );
  }
  await page.keyboard.press('Space');
  await expect(live(page)).toContainText(`${name} dropped`);
}

/** Makes the `n`-th PATCH the page sends from now on (0 the first) fail as a dropped connection. */
async function failPatchNumber(page: Page, n: number): Promise<void> {
  let sent = 0;
  await page.route(purposeUrl, async (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    sent += 1;
    return sent - 1 === n ? route.abort('connectionreset') : route.continue();
  });
}

/** Makes the next PATCH to purpose `id` fail as a dropped connection; the others go through. */
async function failNextPatchOf(page: Page, id: number): Promise<void> {
  let failed = false;
  await page.route(purposeUrl, async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (!failed && request.method() === 'PATCH' && path.endsWith(`/callPurposes/${id}`)) {
      failed = true;
      return route.abort('connectionreset');
    }
    return route.continue();
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A toast's message: the whole of it, or (for a RegExp) what it matches. */
const toast = (page: Page, text: string | RegExp) =>
  page
    .locator('[aria-live="polite"] p')
    .filter({ hasText: typeof text === 'string' ? new RegExp(`^${escape(text)}`) : text });

/**
 * Waits for the toast that ends a reorder (its writes and refetch are done) and the idle
 * network. A string matches the start of the message.
 */
async function toastThenSettled(page: Page, text: string | RegExp) {
  await expect(toast(page, text)).toBeVisible();
  await settled(page);
}

test.describe('a manager moves Renewal to 3rd with orders 1–8 and one write fails', () => {
  test.beforeEach(async () => {
    await setOrders((index) => index + 1);
  });

  // The plan has five writes, sent in this order (Discovery Call, Demo, Pricing Discussion,
  // Negotiation, Check-in): fail the first, the second (the Demo), a middle one and the last.
  for (const failAt of [0, 1, 2, 4]) {
    test(`failing write ${failAt + 1} of the plan: Retry ends on the intended order, Undo on the original`, async ({
      page,
    }, testInfo) => {
      const role = 'manager';
      await openList(page, role, app.url, SEEDED.length);
      const attempted = recordPatches(page);
      await failPatchNumber(page, failAt);

      await moveUpByKeyboard(page, 'Renewal', 5);
      // The user's gesture, whichever of the planner's writes failed.
      await toastThenSettled(page, "Couldn't save moving Renewal. Cannot reach the server.");
      await expect(toast(page, /The list shows the order saved on the server\.$/)).toBeVisible();
      expect(attempted.length).toBeGreaterThan(failAt);
      // After a failure the screen equals the server, whatever subset of the writes landed.
      const halfSaved = await serverNames();
      expect(await rowNames(page)).toEqual(halfSaved);
      if (failAt === 1) await saveScreenshot(page, testInfo, 'reorder-failed-retry-undo-toast');

      const retry = await serverChanges(adminApi);
      const patches = recordPatches(page);
      await page.getByRole('button', { name: 'Retry' }).click();
      await toastThenSettled(page, 'Order saved.');
      expect(await serverNames()).toEqual(RENEWAL_THIRD);
      expect(await rowNames(page)).toEqual(RENEWAL_THIRD);
      expect(sortedById(patches)).toEqual(await retry.writes());

      const undo = await serverChanges(adminApi);
      patches.length = 0;
      await page.getByRole('button', { name: 'Undo' }).click();
      await toastThenSettled(page, 'Earlier order restored.');
      expect(await serverNames()).toEqual(SEEDED);
      expect(await rowNames(page)).toEqual(SEEDED);
      expect(sortedById(patches)).toEqual(await undo.writes());
    });
  }

  test("the issue's reproduction: Demo's write fails, Retry sends only what is missing", async ({
    page,
  }) => {
    await openList(page, 'manager', app.url, SEEDED.length);
    await failNextPatchOf(page, idOf('Demo'));
    await moveUpByKeyboard(page, 'Renewal', 5);
    await toastThenSettled(page, "Couldn't save moving Renewal. Cannot reach the server.");
    expect(await rowNames(page)).toEqual(await serverNames());

    await page.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(serverNames).toEqual(RENEWAL_THIRD);
    await toastThenSettled(page, 'Order saved.');
    expect(await rowNames(page)).toEqual(RENEWAL_THIRD);
  });

  test('Undo on the failed move restores the order before it, not the half-saved one', async ({
    page,
  }) => {
    await openList(page, 'manager', app.url, SEEDED.length);
    // The last of the plan's five writes.
    await failPatchNumber(page, 4);
    await moveUpByKeyboard(page, 'Renewal', 5);
    await toastThenSettled(page, "Couldn't save moving Renewal.");
    expect(await serverNames()).not.toEqual(SEEDED);

    const undo = await serverChanges(adminApi);
    const patches = recordPatches(page);
    // By keyboard: the toast's buttons are reachable and work with Enter.
    await page.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('Enter');
    await toastThenSettled(page, 'Earlier order restored.');
    expect(await serverNames()).toEqual(SEEDED);
    expect(await rowNames(page)).toEqual(SEEDED);
    expect(sortedById(patches)).toEqual(await undo.writes());
  });

  test('offline, Check-in up one place: the toast names the move, stays, and Retry saves it once back online', async ({
    page,
    context,
  }, testInfo) => {
    // The page's timers run on a clock the test moves: the toast's old auto-close was 10 s.
    await page.clock.install();
    await openList(page, 'manager', app.url, SEEDED.length);
    await context.setOffline(true);
    await moveUpByKeyboard(page, 'Check-in', 1);

    // With orders 1–8 the plan also moves Negotiation; the message is about Check-in.
    const failure = toast(page, "Couldn't save moving Check-in. No connection: you are offline.");
    await expect(failure).toBeVisible();
    await expect(failure).toContainText(
      "The list shows the last order known to be saved; the server's order is unknown until it can be reached.",
    );
    await expect(failure).not.toContainText('Negotiation');
    expect(await rowNames(page)).toEqual(SEEDED);
    await saveScreenshot(page, testInfo, 'reorder-offline-failure-toast');

    await page.clock.fastForward('02:00');
    await expect(failure).toBeVisible();
    await context.setOffline(false);
    await page.clock.fastForward('00:30');
    await expect(failure).toBeVisible();
    expect(await serverNames()).toEqual(SEEDED);

    const retry = await serverChanges(adminApi);
    const patches = recordPatches(page);
    await page.getByRole('button', { name: 'Retry' }).click();
    await toastThenSettled(page, 'Order saved.');
    expect(await serverNames()).toEqual(CHECK_IN_UP);
    expect(await rowNames(page)).toEqual(CHECK_IN_UP);
    const writes = await retry.writes();
    expect(writes.map((write) => nameOf(write.id))).toContain('Negotiation');
    expect(sortedById(patches)).toEqual(writes);
  });
});

test.describe('after a reorder that saved', () => {
  test.beforeEach(async () => {
    await setOrders((index) => (index + 1) * 10);
  });

  test('Ctrl+Z after a keyboard move restores the order before it', async ({ page }, testInfo) => {
    await openList(page, 'manager', app.url, SEEDED.length);
    await moveUpByKeyboard(page, 'Demo', 2);
    await toastThenSettled(page, 'Order saved.');
    const moved = ['Initial Contact', 'Demo', 'Follow Up'];
    expect((await serverNames()).slice(0, 3)).toEqual(moved);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'reorder-saved-undo-toast');

    const undo = await serverChanges(adminApi);
    const patches = recordPatches(page);
    // Focus is still on the handle that was dropped.
    await expect(page.getByRole('button', { name: 'Reorder Demo' })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+z');
    await toastThenSettled(page, 'Earlier order restored.');
    expect(await serverNames()).toEqual(SEEDED);
    expect(await rowNames(page)).toEqual(SEEDED);
    expect(sortedById(patches)).toEqual(await undo.writes());
  });

  test('Ctrl+Z pressed twice undoes once and never redoes; Redo is offered by name and Ctrl+Shift+Z', async ({
    page,
  }) => {
    await openList(page, 'manager', app.url, SEEDED.length);
    await moveUpByKeyboard(page, 'Demo', 2);
    await toastThenSettled(page, 'Order saved.');
    const moved = await serverNames();
    expect(moved).not.toEqual(SEEDED);

    await page.keyboard.press('ControlOrMeta+z');
    await toastThenSettled(page, 'Earlier order restored.');
    expect(await serverNames()).toEqual(SEEDED);
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Redo' })).toBeVisible();

    const patches = recordPatches(page);
    await page.keyboard.press('ControlOrMeta+z');
    await settled(page);
    expect(patches).toEqual([]);
    expect(await serverNames()).toEqual(SEEDED);
    expect(await rowNames(page)).toEqual(SEEDED);

    await page.keyboard.press('ControlOrMeta+Shift+z');
    await toastThenSettled(page, 'Order saved.');
    expect(await serverNames()).toEqual(moved);
    expect(await rowNames(page)).toEqual(moved);
  });

  test('Ctrl+Z typed in the search box is the text field’s, not the list’s', async ({ page }) => {
    await openList(page, 'manager', app.url, SEEDED.length);
    await moveUpByKeyboard(page, 'Demo', 2);
    await toastThenSettled(page, 'Order saved.');
    const patches = recordPatches(page);
    await page.getByLabel('Search call purposes').focus();
    await page.keyboard.press('ControlOrMeta+z');
    await settledNetwork(page);
    expect(patches).toEqual([]);
    expect((await serverNames()).slice(0, 2)).toEqual(['Initial Contact', 'Demo']);
  });

  test('Undo after Sort A–Z restores the order before it exactly', async ({ page }) => {
    await openList(page, 'admin', app.url, SEEDED.length);
    await page.getByRole('button', { name: 'Sort A–Z' }).click();
    await page
      .getByRole('dialog', { name: 'Sort call purposes A–Z?' })
      .getByRole('button', { name: 'Sort A–Z' })
      .click();
    await toastThenSettled(page, 'Order saved.');
    const alphabetical = [...SEEDED].sort((a, b) => a.localeCompare(b));
    expect(await serverNames()).toEqual(alphabetical);

    const undo = await serverChanges(adminApi);
    const patches = recordPatches(page);
    await page.getByRole('button', { name: 'Undo' }).click();
    await toastThenSettled(page, 'Earlier order restored.');
    expect(await serverNames()).toEqual(SEEDED);
    expect(await rowNames(page)).toEqual(SEEDED);
    expect(sortedById(patches)).toEqual(await undo.writes());
  });

  test('a move from the menu offers Undo too', async ({ page }) => {
    await openList(page, 'manager', app.url, SEEDED.length);
    await page.getByRole('button', { name: 'More actions for Check-in' }).click();
    await page.getByRole('menuitem', { name: 'Move to bottom' }).click();
    await toastThenSettled(page, 'Order saved.');
    expect((await serverNames()).at(-1)).toBe('Check-in');
    await page.getByRole('button', { name: 'Undo' }).click();
    await toastThenSettled(page, 'Earlier order restored.');
    expect(await serverNames()).toEqual(SEEDED);
  });
});

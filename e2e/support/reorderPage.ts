// What the reorder specs share: the seeded orders set through the API, the list page of a
// signed-in user, the PATCHes it sends, and the moment its writes have settled.
import { expect, type Page, type Request } from '@playwright/test';
import { SEEDED_PURPOSES } from '../../shared/seededPurposes';
import type { OutreachApi } from './outreachApi';
import { settledNetwork, trackRequests } from './requestsInFlight';
import { signIn, type Role } from './signIn';

/**
 * The purposes' names in display order, `order` then `id` (API.md), as the API sorts them: the
 * server's answer is the oracle, not the SPA's own sorting.
 */
export async function namesOnServer(api: OutreachApi): Promise<string[]> {
  return (await api.list('order,id')).map((purpose) => purpose.name);
}

/**
 * Gives each seeded purpose `orderOf(its index among the seeded)` through the API (only where
 * that changes it), so the server shows the seeded sequence again.
 */
export async function setSeededOrders(
  api: OutreachApi,
  orderOf: (index: number) => number,
): Promise<void> {
  const stored = new Map((await api.list()).map((purpose) => [purpose.id, purpose.order]));
  for (const [index, purpose] of SEEDED_PURPOSES.entries()) {
    const order = orderOf(index);
    if (stored.get(purpose.id) === order) continue;
    const response = await api.request(`/callPurposes/${purpose.id}`, {
      method: 'PATCH',
      body: { data: { type: 'callPurpose', id: purpose.id, attributes: { order } } },
    });
    expect(response.status).toBe(200);
  }
  expect(await namesOnServer(api)).toEqual(SEEDED_PURPOSES.map((purpose) => purpose.name));
}

type OrderWrite = { id: number; order: number };
const byId = (a: OrderWrite, b: OrderWrite) => a.id - b.id;

/**
 * Watches the server across a reorder: `writes()` answers, from the API's lists before and now,
 * each purpose whose order changed with its new order (by id). PATCHes equal to these wrote
 * exactly what the server now holds, nothing twice and nothing needless. (That they are the
 * fewest possible is the planner's unit and property tests' job.)
 */
export async function serverChanges(api: OutreachApi) {
  const before = new Map((await api.list()).map((purpose) => [purpose.id, purpose.order]));
  return {
    writes: async (): Promise<OrderWrite[]> =>
      (await api.list())
        .filter((purpose) => purpose.order !== null && purpose.order !== before.get(purpose.id))
        .map((purpose) => ({ id: purpose.id, order: purpose.order as number }))
        .sort(byId),
  };
}

/** The PATCHes recorded, by id, to compare with `serverChanges(…).writes()`. */
export const sortedById = (patches: readonly OrderWrite[]) => [...patches].sort(byId);

export async function openList(page: Page, role: Role, appUrl: string, rows: number) {
  trackRequests(page);
  await signIn(page, role, '/call-purposes', appUrl);
  await expect(page.getByRole('rowheader')).toHaveCount(rows);
  // The drag-and-drop code loads beside the list; the handles appear with it.
  await expect(page.getByRole('button', { name: /^Reorder / }).first()).toBeVisible();
}

export const rowNames = (page: Page) => page.getByRole('rowheader').allTextContents();

/** Matches the URL of one call purpose (where its PATCH goes). */
export const purposeUrl = (url: URL) => /^\/api\/v2\/callPurposes\/\d+$/.test(url.pathname);

const isPatch = (request: Request) =>
  request.method() === 'PATCH' && purposeUrl(new URL(request.url()));

/** Every PATCH the page sends to a call purpose from now on, as `{ id, order }`. */
export function recordPatches(page: Page): { id: number; order: number }[] {
  const patches: { id: number; order: number }[] = [];
  page.on('request', (request) => {
    if (!isPatch(request)) return;
    const body = request.postDataJSON() as { data: { id: number; attributes: { order: number } } };
    patches.push({ id: Number(body.data.id), order: body.data.attributes.order });
  });
  return patches;
}

/** The writes are done and the refetch is on screen. */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByText('Saving order…')).toBeHidden();
  await settledNetwork(page);
}

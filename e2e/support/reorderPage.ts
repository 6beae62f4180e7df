// What the reorder specs share: the list page of a signed-in user, the PATCHes it sends, and the
// moment its writes have settled.
import { expect, type Page, type Request } from '@playwright/test';
import { signIn, type Role } from './signIn';

export async function openList(page: Page, role: Role, appUrl: string, rows: number) {
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
  await page.waitForLoadState('networkidle');
}

// "Nothing more will happen" is the state a test needs before it asserts an absence (no PATCH
// after a cancelled drag, no script an agent may not run). Instead of Playwright's discouraged
// `networkidle` (a fixed 500 ms of silence, which a polling list may never give), wait for the
// browser to be idle and for every request the page started to have finished.
import { expect, type Page, type Request } from '@playwright/test';

const inFlight = new WeakMap<Page, Set<Request>>();

/** Starts counting `page`'s requests; call it before the page does what is to be waited for. */
export function trackRequests(page: Page): void {
  if (inFlight.has(page)) return;
  const open = new Set<Request>();
  page.on('request', (request) => open.add(request));
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  inFlight.set(page, open);
}

/** Resolves once the browser has run an idle callback and no tracked request is open. */
export async function settledNetwork(page: Page): Promise<void> {
  const open = inFlight.get(page);
  if (open === undefined) throw new Error('settledNetwork needs trackRequests(page) first');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  await expect.poll(() => [...open].map((request) => request.url())).toEqual([]);
}

// "Nothing more will happen" is the state a test needs before it asserts an absence (no PATCH
// after a cancelled drag, no script an agent may not run). Instead of Playwright's discouraged
// `networkidle` (a fixed 500 ms of silence, which a polling list may never give), wait for the
// page to have acted on what the test did and for every request it started to have finished.
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

/**
 * Resolves once the page has rendered a frame and run the tasks queued behind it (so whatever
 * the last input started has started), or with `idle`, once the browser was idle (when the list
 * loads code it defers), and then no tracked request is open.
 */
export async function settledNetwork(page: Page, { idle = false } = {}): Promise<void> {
  const open = inFlight.get(page);
  if (open === undefined) throw new Error('settledNetwork needs trackRequests(page) first');
  await page.evaluate(
    (waitForIdle) =>
      new Promise((resolve) => {
        // An idle callback never runs while something keeps the page busy (a drag's frame
        // loop): its `timeout` runs it anyway, so this cannot hang.
        if (waitForIdle) requestIdleCallback(resolve, { timeout: 2_000 });
        else requestAnimationFrame(() => setTimeout(resolve, 0));
      }),
    idle,
  );
  await expect.poll(() => [...open].map((request) => request.url())).toEqual([]);
}

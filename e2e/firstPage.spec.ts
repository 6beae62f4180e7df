// What each role's browser fetches to show the list: the same scripts before the list is
// visible, whatever the role; after it, the row windowing (TanStack Virtual) for everyone, the
// code only writers need (reordering, the dialogs and forms) by their rights, and for an agent
// nothing more. Read from the browser's own resource
// timing against the moment the list became visible, so it is about order, never about speed.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { settledNetwork, trackRequests } from './support/requestsInFlight';
import { signIn, type Role } from './support/signIn';

// Page-side: the first animation frame where the table's rows are in the DOM.
const LIST_VISIBLE = `
  window.__listVisibleAt = new Promise((resolve) => {
    const check = () => {
      const rows = document.querySelectorAll('table[aria-rowcount] tbody tr[aria-rowindex]');
      if (rows.length > 0) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
`;

declare global {
  interface Window {
    __listVisibleAt: Promise<number>;
  }
}

type Script = { path: string; start: number };

const scriptsFetched = (page: Page): Promise<Script[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime }))
      .filter((entry) => entry.path.endsWith('.js')),
  );

/** Opens the list signed in as `role`, in a fresh context (an empty HTTP cache). */
async function openList(browser: Browser, role: Role) {
  const signingIn = await browser.newContext();
  await signIn(await signingIn.newPage(), role);
  const storageState = await signingIn.storageState();
  await signingIn.close();

  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  trackRequests(page);
  await page.addInitScript({ content: LIST_VISIBLE });
  await page.goto('/call-purposes');
  const visibleAt = await page.evaluate(() => window.__listVisibleAt);
  const split = async () => {
    const scripts = await scriptsFetched(page);
    return {
      before: scripts.filter((script) => script.start < visibleAt).map((script) => script.path),
      after: scripts.filter((script) => script.start >= visibleAt).map((script) => script.path),
    };
  };
  return { context, page, split };
}

test('every role fetches the same code before the list; after it the windowing, writers their tools, agents nothing more', async ({
  browser,
}) => {
  const manager = await openList(browser, 'manager');
  // The reorder code comes as soon as the list says she may move something; the edit form when
  // the browser is idle.
  await expect
    .poll(async () => (await manager.split()).after.join(' '))
    .toMatch(/ReorderTools-.*EditCallPurposeDialog-|EditCallPurposeDialog-.*ReorderTools-/);
  const managerScripts = await manager.split();
  await manager.context.close();

  const agent = await openList(browser, 'agent');
  await settledNetwork(agent.page, { idle: true });
  const agentScripts = await agent.split();
  await agent.context.close();

  expect(agentScripts.before.length).toBeGreaterThan(0);
  expect([...managerScripts.before].sort()).toEqual([...agentScripts.before].sort());
  expect(agentScripts.after).toEqual([expect.stringMatching(/\/WindowVirtualizer-[^/]+\.js$/)]);
  expect(managerScripts.after.some((path) => /\/WindowVirtualizer-/.test(path))).toBe(true);
  const afterTheList = [
    /WindowVirtualizer-/,
    /ReorderTools-/,
    /EditCallPurposeDialog-/,
    /CallPurposeForm-/,
  ];
  for (const later of afterTheList) {
    expect(managerScripts.before.some((path) => later.test(path))).toBe(false);
  }
});

// The list's first page as the SPA asks for it (and as index.html's preload names it).
const isListRequest = (url: string) => {
  const { pathname, searchParams } = new URL(url);
  return pathname === '/api/v2/callPurposes' && searchParams.get('page[size]') === '1000';
};
const isSessionRequest = (url: string) => new URL(url).pathname === '/auth/session';

/** The session and list requests the page makes, with the Accept header each was sent with. */
function recordFirstPageRequests(page: Page) {
  const requests: Promise<{ url: string; accept: string | null }>[] = [];
  page.on('request', (request) => {
    if (isListRequest(request.url()) || isSessionRequest(request.url())) {
      requests.push(
        request
          .allHeaders()
          .then((headers) => ({ url: request.url(), accept: headers.accept ?? null })),
      );
    }
  });
  return () => Promise.all(requests);
}

test('a signed-in navigation fetches its session and first page once, from the preload index.html names', async ({
  browser,
}) => {
  const signingIn = await browser.newContext();
  await signIn(await signingIn.newPage(), 'manager');
  const storageState = await signingIn.storageState();
  await signingIn.close();

  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  trackRequests(page);
  const requests = recordFirstPageRequests(page);
  const document = await page.goto('/call-purposes');
  expect(await document?.headerValue('link')).toContain('rel=preload');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await settledNetwork(page, { idle: true });

  // One request each, and it is the preload's (the SPA's own fetch would ask for JSON:API): the
  // SPA's queries were answered from it instead of asking again.
  const made = await requests();
  expect(made.filter((request) => isSessionRequest(request.url))).toEqual([
    { url: expect.any(String), accept: '*/*' },
  ]);
  expect(made.filter((request) => isListRequest(request.url))).toEqual([
    { url: expect.any(String), accept: '*/*' },
  ]);
  await context.close();
});

test('a signed-out navigation preloads nothing', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  trackRequests(page);
  const requests = recordFirstPageRequests(page);
  const document = await page.goto('/call-purposes');
  expect(await document?.headerValue('link')).toBeNull();
  await expect(page.getByRole('button', { name: 'Sign in with Outreach' })).toBeVisible();
  await settledNetwork(page, { idle: true });

  // Whatever the SPA asks once it runs, it asks itself (with JSON:API's Accept): no preload.
  const made = await requests();
  expect(made.length).toBeGreaterThan(0);
  for (const request of made) expect(request.accept).toBe('application/vnd.api+json');
  await context.close();
});

// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { deferred } from '../../../testing/deferred';
import { mswServer, withMswServer } from '../../../testing/mswServer';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { callPurposesQueryOptions, isWholeList } from './getCallPurposes';

const FIRST_PAGE = callPurposeApiPaths.list();

withMswServer();

/**
 * Serves `pages` (path and query → document) at /api/v2/callPurposes, each once `held[path]`
 * (if any) has resolved; returns what was asked.
 */
function servePages(
  pages: Record<string, object>,
  held: Record<string, Promise<void>> = {},
): string[] {
  const asked: string[] = [];
  mswServer.use(
    http.get('/api/v2/callPurposes', async ({ request }) => {
      const url = new URL(request.url);
      const path = `${url.pathname}${url.search}`;
      asked.push(path);
      await held[path];
      return path in pages
        ? HttpResponse.json(pages[path])
        : new HttpResponse(null, { status: 404 });
    }),
  );
  return asked;
}

const resource = (id: number, order: number | null) => ({
  type: 'callPurpose',
  id,
  attributes: { name: `P${id}`, order, createdAt: 'c', updatedAt: 'u' },
  relationships: { creator: { data: { type: 'user', id: 1 } } },
  meta: { canWrite: true, canDelete: false },
});
const alex = { type: 'user', id: 1, attributes: { firstName: 'Alex', lastName: 'Morgan' } };

/** The list's query, as the page runs it. */
const getCallPurposes = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false } } }).fetchQuery(
    callPurposesQueryOptions(),
  );

describe("the list's query", () => {
  it('follows links.next through the proxy and returns display order', async () => {
    const pages: Record<string, object> = {
      [FIRST_PAGE]: {
        data: [resource(3, null), resource(1, 20)],
        included: [alex],
        // As the proxy hands it over: rewritten to this origin's /api/v2 (server/app/proxy/links.ts).
        links: { next: '/api/v2/callPurposes?page%5Bafter%5D=x' },
      },
      '/api/v2/callPurposes?page%5Bafter%5D=x': {
        data: [resource(2, 10)],
        included: [alex],
        links: { next: null },
      },
    };
    const asked = servePages(pages);

    const purposes = await getCallPurposes();

    expect(asked).toEqual(Object.keys(pages));
    expect(purposes.map((purpose) => purpose.id)).toEqual([2, 1, 3]);
    expect(purposes[0]).toMatchObject({ creatorName: 'Alex Morgan', canWrite: true });
  });

  it('shows the first page while the next is on its way, then the whole list', async () => {
    const second = '/api/v2/callPurposes?page%5Bafter%5D=x';
    const secondHeld = deferred();
    servePages(
      {
        [FIRST_PAGE]: { data: [resource(1, 10)], included: [alex], links: { next: second } },
        [second]: { data: [resource(2, 20)], included: [alex], links: { next: null } },
      },
      { [second]: secondHeld.promise },
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = callPurposesQueryOptions();
    const whole = queryClient.fetchQuery(options);

    await expect
      .poll(() => queryClient.getQueryData(options.queryKey)?.map((purpose) => purpose.id))
      .toEqual([1]);
    expect(isWholeList(queryClient.getQueryData(options.queryKey) ?? [])).toBe(false);

    secondHeld.resolve();
    const list = await whole;
    expect(list.map((purpose) => purpose.id)).toEqual([1, 2]);
    expect(isWholeList(list)).toBe(true);
  });

  it("never follows a link off this origin's API", async () => {
    const asked = servePages({
      [FIRST_PAGE]: { data: [], links: { next: 'https://evil.example/api/v2/x' } },
    });
    await expect(getCallPurposes()).rejects.toThrow(/outside \/api\/v2/);
    expect(asked).toEqual([FIRST_PAGE]);
  });

  it('asks for authorization meta, creators and big pages', () => {
    expect(FIRST_PAGE).toContain('provideAuthorizationMeta=true');
    expect(FIRST_PAGE).toContain('include=creator');
    expect(decodeURIComponent(FIRST_PAGE)).toContain('page[size]=1000');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { getCallPurposes } from './getCallPurposes';

const FIRST_PAGE = callPurposeApiPaths.list();

afterEach(() => {
  vi.unstubAllGlobals();
});

const resource = (id: number, order: number | null) => ({
  type: 'callPurpose',
  id,
  attributes: { name: `P${id}`, order, createdAt: 'c', updatedAt: 'u' },
  relationships: { creator: { data: { type: 'user', id: 1 } } },
  meta: { canWrite: true, canDelete: false },
});
const alex = { type: 'user', id: 1, attributes: { firstName: 'Alex', lastName: 'Morgan' } };

describe('getCallPurposes', () => {
  it('follows links.next through the proxy and returns display order', async () => {
    const pages: Record<string, unknown> = {
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
    const fetchMock = vi.fn((path: string) =>
      Promise.resolve(new Response(JSON.stringify(pages[path]))),
    );
    vi.stubGlobal('fetch', fetchMock);

    const purposes = await getCallPurposes();

    expect(fetchMock.mock.calls.map(([path]) => path)).toEqual(Object.keys(pages));
    expect(purposes.map((purpose) => purpose.id)).toEqual([2, 1, 3]);
    expect(purposes[0]).toMatchObject({ creatorName: 'Alex Morgan', canWrite: true });
  });

  it("never follows a link off this origin's API", async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        new Response(
          JSON.stringify({ data: [], links: { next: 'https://evil.example/api/v2/x' } }),
        ),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    await expect(getCallPurposes()).rejects.toThrow(/outside \/api\/v2/);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('asks for authorization meta, creators and big pages', () => {
    expect(FIRST_PAGE).toContain('provideAuthorizationMeta=true');
    expect(FIRST_PAGE).toContain('include=creator');
    expect(decodeURIComponent(FIRST_PAGE)).toContain('page[size]=1000');
  });
});

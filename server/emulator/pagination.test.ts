// Cursor pagination across several pages, forward via links.next and back via links.prev,
// for several sorts, with repeated orders, null orders and duplicate names in the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purposeDocument, startEmulator, type Emulator } from './test/harness';

type Resource = { id: number; attributes: { name: string; order: number | null } };
type Page = {
  data: Resource[];
  links: { first: string; prev?: string; next?: string };
  meta: { count?: number };
};

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator();
  token = emulator.token('admin');
  for (let i = 0; i < 45; i++) {
    const order = i % 9 === 0 ? null : (i * 37) % 100; // repeats and nulls
    const name = i % 5 === 0 ? 'Same name' : `Purpose ${String.fromCharCode(97 + (i % 26))}${i}`;
    const response = await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes',
      token,
      json: purposeDocument({ name, order }),
    });
    expect(response.statusCode).toBe(201);
  }
});
afterAll(() => emulator.close());

async function get(url: string): Promise<Page> {
  const response = await emulator.request({ method: 'GET', url, token });
  expect(response.statusCode, url).toBe(200);
  return response.json<Page>();
}

async function walk(
  firstUrl: string,
  link: 'next' | 'prev',
): Promise<{ pages: Page[]; ids: number[] }> {
  const pages: Page[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const page = await get(url);
    pages.push(page);
    url = page.links[link];
    expect(pages.length).toBeLessThan(100);
  }
  const ordered = link === 'next' ? pages : [...pages].reverse();
  return { pages, ids: ordered.flatMap((page) => page.data.map((r) => r.id)) };
}

describe.each([
  '',
  'sort=-name',
  'sort=name,-order',
  'sort=-order',
  'sort=createdAt',
  'sort=-updatedAt,-id',
])('query "%s"', (sortQuery) => {
  it('pages forward and back over exactly the rows of one big page', async () => {
    const base = `/api/v2/callPurposes?${sortQuery}${sortQuery ? '&' : ''}`;
    const all = (await get(`${base}page[size]=1000`)).data.map((r) => r.id);
    expect(all).toHaveLength(53);

    const forward = await walk(`${base}page[size]=7`, 'next');
    expect(forward.ids).toEqual(all);
    expect(forward.pages).toHaveLength(8);
    expect(forward.pages[0]?.links.prev).toBeUndefined();
    expect(forward.pages.at(-1)?.links.next).toBeUndefined();
    expect(forward.pages.at(-1)?.data).toHaveLength(4);

    // From the last page, links.prev leads back through the same pages to the first.
    const lastUrl = forward.pages.at(-2)?.links.next;
    expect(lastUrl).toMatch(/^\/api\/v2\/callPurposes\?.*page\[after\]=[\w-]+$/);
    const backward = await walk(String(lastUrl), 'prev');
    expect(backward.ids).toEqual(all);
    expect(backward.pages.map((p) => p.data.map((r) => r.id))).toEqual(
      [...forward.pages].reverse().map((p) => p.data.map((r) => r.id)),
    );
  });
});

describe('display order', () => {
  it('is order ascending with nulls last, then id', async () => {
    const rows = (await get('/api/v2/callPurposes?page[size]=1000')).data;
    const expected = [...rows].sort((a, b) => {
      const [x, y] = [a.attributes.order, b.attributes.order];
      if (x === y) return a.id - b.id;
      if (x === null) return 1;
      if (y === null) return -1;
      return x - y;
    });
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows.at(-1)?.attributes.order).toBeNull();
  });
});

describe('links and count', () => {
  it('keep the other parameters and add meta.count on every page', async () => {
    const page = await get(
      '/api/v2/callPurposes?filter[order]=__notnull__&count=true&page[size]=10',
    );
    expect(page.meta.count).toBe(48);
    expect(page.links.first).toBe(
      '/api/v2/callPurposes?filter[order]=__notnull__&count=true&page[size]=10',
    );
    expect(page.links.next).toMatch(
      /^\/api\/v2\/callPurposes\?filter\[order\]=__notnull__&count=true&page\[size\]=10&page\[after\]=[\w-]+$/,
    );
    const second = await get(page.links.next!);
    expect(second.meta.count).toBe(48);
    expect(second.links.prev).toMatch(
      /^\/api\/v2\/callPurposes\?filter\[order\]=__notnull__&count=true&page\[size\]=10&page\[before\]=[\w-]+$/,
    );
  });

  it('defaults to 50 per page', async () => {
    const page = await get('/api/v2/callPurposes');
    expect(page.data).toHaveLength(50);
    expect(page.links.next).toMatch(/^\/api\/v2\/callPurposes\?page\[after\]=[\w-]+$/);
  });

  it('neither skips nor repeats rows when rows are added and removed between pages', async () => {
    const first = await get('/api/v2/callPurposes?page[size]=5&filter[order]=neginf..1000');
    const seen = first.data.map((r) => r.id);
    // Remove a row already seen and add one that sorts at the very start: the cursor is keyset.
    await emulator.request({ method: 'DELETE', url: `/api/v2/callPurposes/${seen[1]}`, token });
    await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes',
      token,
      json: purposeDocument({ name: 'Early', order: -5 }),
    });
    const rest = await walk(first.links.next!, 'next');
    const ids = [...seen, ...rest.ids];
    expect(new Set(ids).size).toBe(ids.length);
    const now = (
      await get('/api/v2/callPurposes?page[size]=1000&filter[order]=neginf..1000')
    ).data.map((r) => r.id);
    expect(rest.ids).toEqual(now.slice(now.indexOf(seen.at(-1)!) + 1));
  });

  it('an empty page after the end has no next link', async () => {
    const page = await get('/api/v2/callPurposes?filter[name]=Nothing%20like%20this');
    expect(page.data).toEqual([]);
    expect(page.links).toEqual({
      first: '/api/v2/callPurposes?filter[name]=Nothing%20like%20this',
    });
  });
});

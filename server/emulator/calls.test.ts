// The read-only calls resource (API.md "Calls"): list and read, usage counts per purpose, the
// purpose's `calls` link, cursor pagination, sorts, scopes, 405 for writes, and what a purpose
// delete leaves behind.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from './db';
import { SEEDED_CALL_COUNTS } from './seed';
import { isErrorDocument } from './test/contract';
import { startEmulator, type Emulator } from './test/harness';

type CallResource = {
  type: 'call';
  id: number;
  attributes: Partial<Record<string, string>>;
  relationships: {
    callPurpose: { data: { type: 'callPurpose'; id: number } | null };
    user: { data: { type: 'user'; id: number } | null };
  };
  links: { self: string };
};
type Page = {
  data: CallResource[];
  links: { first: string; prev?: string; next?: string };
  meta: { count?: number };
};

const TOTAL = [...SEEDED_CALL_COUNTS.values()].reduce((sum, n) => sum + n, 0);

let emulator: Emulator;
let reader: string;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: 1_000_000 });
  reader = emulator.token('agent', 'calls.read');
});
afterAll(() => emulator.close());

async function get(url: string, token = reader) {
  return emulator.request({ method: 'GET', url, token });
}

async function page(url: string, token = reader): Promise<Page> {
  const response = await get(url, token);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/vnd\.api\+json/);
  return response.json<Page>();
}

function expectError(response: { statusCode: number; json: () => unknown }, status: number) {
  expect(response.statusCode).toBe(status);
  const body = response.json() as { errors: { id: string; source?: { parameter?: string } }[] };
  expect(isErrorDocument(body)).toBe(true);
  return body.errors[0]!;
}

function callRows(): unknown[] {
  const db = new Database(databaseFile(emulator.dataDir), { readonly: true });
  try {
    return db.prepare('SELECT * FROM calls ORDER BY id').all();
  } finally {
    db.close();
  }
}

describe('list', () => {
  it('answers {data, links, meta} with calls in API.md shape, newest first', async () => {
    const body = await page('/api/v2/calls?page[size]=3');
    expect(body.data).toHaveLength(3);
    expect(body.meta).toEqual({});
    const [first, second] = body.data;
    expect(first?.type).toBe('call');
    expect(Object.keys(first!)).toEqual(['type', 'id', 'attributes', 'relationships', 'links']);
    expect(Object.keys(first!.attributes)).toEqual([
      'direction',
      'outcome',
      'state',
      'createdAt',
      'updatedAt',
    ]);
    expect(first!.attributes.direction).toMatch(/^(inbound|outbound)$/);
    expect(first!.attributes.state).toBe('completed');
    expect(first!.attributes.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(Object.keys(first!.relationships)).toEqual(['callPurpose', 'user']);
    expect(first!.relationships.user.data?.type).toBe('user');
    expect(first!.links).toEqual({ self: `/api/v2/calls/${first!.id}` });
    expect(first!.attributes.createdAt! >= second!.attributes.createdAt!).toBe(true);
    expect(body.links.next).toMatch(/^\/api\/v2\/calls\?page\[size\]=3&page\[after\]=[\w-]+$/);
  });

  it('counts the calls of each seeded purpose, unevenly spread, some purposes unused', async () => {
    for (const [purposeId, expected] of SEEDED_CALL_COUNTS) {
      const filter = purposeId === null ? '__null__' : String(purposeId);
      const body = await page(
        `/api/v2/calls?filter[callPurpose][id]=${filter}&page[size]=1&count=true`,
      );
      expect(body.meta.count, `purpose ${filter}`).toBe(expected);
      expect(body.data).toHaveLength(expected === 0 ? 0 : 1);
      for (const call of body.data) {
        expect(call.relationships.callPurpose.data).toEqual(
          purposeId === null ? null : { type: 'callPurpose', id: purposeId },
        );
      }
    }
    const counts = [...SEEDED_CALL_COUNTS.values()];
    expect(counts.some((n) => n > 1000)).toBe(true);
    expect(counts.some((n) => n === 0)).toBe(true);
    expect((await page('/api/v2/calls?count=true&page[size]=1')).meta.count).toBe(TOTAL);
  });

  it('filters by a list of purposes, __notnull__, direction and user', async () => {
    const both = await page('/api/v2/calls?filter[callPurpose][id]=1,2&count=true&page[size]=1');
    expect(both.meta.count).toBe(SEEDED_CALL_COUNTS.get(1)! + SEEDED_CALL_COUNTS.get(2)!);
    const assigned = await page('/api/v2/calls?filter[callPurpose][id]=__notnull__&count=true');
    expect(assigned.meta.count).toBe(TOTAL - SEEDED_CALL_COUNTS.get(null)!);
    const inbound = await page('/api/v2/calls?filter[direction]=inbound&page[size]=1000');
    expect(inbound.data.every((call) => call.attributes.direction === 'inbound')).toBe(true);
    const mine = await page('/api/v2/calls?filter[user][id]=2&page[size]=1000');
    expect(mine.data.every((call) => call.relationships.user.data?.id === 2)).toBe(true);
    expect(mine.data.length).toBeGreaterThan(0);
  });

  it('trims to fields[call]', async () => {
    const body = await page('/api/v2/calls?fields[call]=outcome,callPurpose&page[size]=1');
    expect(Object.keys(body.data[0]!.attributes)).toEqual(['outcome']);
    expect(Object.keys(body.data[0]!.relationships)).toEqual(['callPurpose']);
  });

  it('400 naming the parameter for what calls do not support', async () => {
    for (const [query, parameter] of [
      ['filter[callPurpose]=1', 'filter[callPurpose]'],
      ['filter[name]=Demo', 'filter[name]'],
      ['filter[callPurpose][id]=abc', 'filter[callPurpose][id]'],
      ['filter[callPurpose][id]=1..5', 'filter[callPurpose][id]'],
      ['filter[direction]=sideways', 'filter[direction]'],
      ['sort=name', 'sort'],
      ['sort=order', 'sort'],
      ['page[size]=0', 'page[size]'],
      ['page[after]=nonsense', 'page[after]'],
      ['include=callPurpose', 'include'],
      ['provideAuthorizationMeta=true', 'provideAuthorizationMeta'],
      ['fields[call]=name', 'fields[call]'],
    ]) {
      const error = expectError(await get(`/api/v2/calls?${query}`), 400);
      expect(error.source?.parameter, query).toBe(parameter);
    }
    const single = expectError(await get('/api/v2/calls/1?count=true'), 400);
    expect(single.source?.parameter).toBe('count');
  });
});

describe('pagination', () => {
  const purpose = 3; // 342 calls: several pages
  const expected = SEEDED_CALL_COUNTS.get(purpose)!;

  it.each(['', 'sort=id', 'sort=-id', 'sort=createdAt', 'sort=-updatedAt'])(
    'query "%s": forward via links.next and back via links.prev over exactly one big page',
    async (sort) => {
      const base = `/api/v2/calls?filter[callPurpose][id]=${purpose}${sort ? `&${sort}` : ''}`;
      const all = (await page(`${base}&page[size]=1000`)).data.map((call) => call.id);
      expect(all).toHaveLength(expected);
      const pages: Page[] = [];
      let url: string | undefined = `${base}&page[size]=50`;
      while (url) {
        const current = await page(url);
        pages.push(current);
        url = current.links.next;
      }
      expect(pages.flatMap((p) => p.data.map((call) => call.id))).toEqual(all);
      expect(pages).toHaveLength(Math.ceil(expected / 50));
      expect(pages[0]?.links.prev).toBeUndefined();
      const back: number[][] = [];
      url = pages.at(-2)?.links.next;
      while (url) {
        const current = await page(url);
        back.unshift(current.data.map((call) => call.id));
        url = current.links.prev;
      }
      expect(back.flat()).toEqual(all);
    },
  );

  it('sort=id is ascending ids; the default is newest first', async () => {
    const ascending = (await page('/api/v2/calls?sort=id&page[size]=5')).data.map((c) => c.id);
    expect(ascending).toEqual([1, 2, 3, 4, 5]);
    const newest = (await page('/api/v2/calls?page[size]=1000')).data.map(
      (c) => c.attributes.createdAt!,
    );
    expect(newest).toEqual([...newest].sort().reverse());
  });
});

describe('read', () => {
  it('200 with one call; 404 for unknown or non-integer ids', async () => {
    const body = (await get('/api/v2/calls/7')).json<{ data: CallResource }>();
    expect(body.data.id).toBe(7);
    expect(body.data.links.self).toBe('/api/v2/calls/7');
    for (const id of ['999999', 'abc', '0']) {
      expect(expectError(await get(`/api/v2/calls/${id}`), 404).id).toBe('resourceNotFound');
    }
  });
});

describe('scopes and methods', () => {
  it('needs calls.read or calls.all, for every role; callPurposes.all and calls.write are not enough', async () => {
    for (const role of ['admin', 'manager', 'agent']) {
      for (const scope of ['calls.read', 'calls.all', 'callPurposes.all calls.read']) {
        const token = emulator.token(role, scope);
        expect((await get('/api/v2/calls/1', token)).statusCode, `${role} ${scope}`).toBe(200);
        expect((await get('/api/v2/calls', token)).statusCode, `${role} ${scope}`).toBe(200);
      }
      for (const scope of ['callPurposes.all', 'calls.write', 'calls.delete', 'users.all']) {
        const token = emulator.token(role, scope);
        for (const url of ['/api/v2/calls', '/api/v2/calls/1']) {
          const error = expectError(await get(url, token), 403);
          expect(error.id, `${role} ${scope} ${url}`).toBe('unauthorizedOauthScope');
        }
      }
    }
  });

  it('405 JSON:API for every write, with Allow, and nothing changes', async () => {
    const before = callRows();
    const admin = emulator.token('admin', 'calls.all callPurposes.all');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/v2/calls', '/api/v2/calls/1']) {
        const response = await emulator.request({
          method,
          url,
          token: admin,
          json: { data: { type: 'call', attributes: { outcome: 'Answered' } } },
        });
        expect(expectError(response, 405).id, `${method} ${url}`).toBe('methodNotAllowed');
        expect(response.headers.allow).toBe('GET, HEAD');
      }
    }
    expect(callRows()).toEqual(before);
  });

  it('401 without a token', async () => {
    const response = await emulator.request({ method: 'GET', url: '/api/v2/calls' });
    expect(expectError(response, 401).id).toBe('unauthorized');
  });
});

describe('the purpose side', () => {
  it("each purpose's calls link leads to its filtered list", async () => {
    const purposes = (
      await get('/api/v2/callPurposes', emulator.token('admin', 'callPurposes.read'))
    ).json<{
      data: { id: number; relationships: { calls: { links: { related: string } } } }[];
    }>();
    for (const purpose of purposes.data) {
      const related = purpose.relationships.calls.links.related;
      expect(related).toBe(`/api/v2/calls?filter[callPurpose][id]=${purpose.id}`);
      const body = await page(`${related}&count=true&page[size]=1`);
      expect(body.meta.count).toBe(SEEDED_CALL_COUNTS.get(purpose.id));
    }
  });

  it('deleting a purpose keeps its calls, with callPurpose {data: null}', async () => {
    const local = await startEmulator();
    try {
      const token = local.token('admin', 'callPurposes.all calls.read');
      const count = async (filter: string) =>
        (
          await local.request({
            method: 'GET',
            url: `/api/v2/calls?filter[callPurpose][id]=${filter}&count=true&page[size]=1000`,
            token,
          })
        ).json<Page>().meta.count;
      const demoCalls = (
        await local.request({
          method: 'GET',
          url: '/api/v2/calls?filter[callPurpose][id]=4&page[size]=1000',
          token,
        })
      )
        .json<Page>()
        .data.map((call) => call.id);
      expect(demoCalls).toHaveLength(SEEDED_CALL_COUNTS.get(4)!);
      const nullBefore = await count('__null__');
      const deleted = await local.request({
        method: 'DELETE',
        url: '/api/v2/callPurposes/4',
        token,
      });
      expect(deleted.statusCode).toBe(204);
      expect(await count('4')).toBe(0);
      expect(await count('__null__')).toBe(nullBefore! + demoCalls.length);
      const one = await local.request({
        method: 'GET',
        url: `/api/v2/calls/${demoCalls[0]}`,
        token,
      });
      expect(one.json<{ data: CallResource }>().data.relationships.callPurpose).toEqual({
        data: null,
      });
      expect(await count('1')).toBe(SEEDED_CALL_COUNTS.get(1));
    } finally {
      await local.close();
    }
  });
});

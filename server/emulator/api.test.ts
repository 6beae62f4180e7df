// Every row of API.md, against a real emulator on a fresh temp DATA_DIR; responses are
// checked against the published contract (test/contract.ts).
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_PURPOSES } from '../../shared/seededPurposes';
import { createTestClock } from '../testing/testClock';
import { mintToken } from './cli/token';
import { EMULATOR_DEFAULTS } from './config';
import { RATE_LIMIT_WINDOW_MS } from './http/rateLimit';
import { assertValid, isErrorDocument, validators } from './test/contract';
import type { ErrorDocument } from '../shared/jsonApiErrors';
import type { ApiRootDocument, ListDocument, SingleDocument, UserJson } from './test/documents';
import { JSON_API, purposeDocument, snapshot, startEmulator, type Emulator } from './test/harness';

// Time stands still unless a test moves it: stamps, expiry and rate-limit windows read this.
const clock = createTestClock();
let emulator: Emulator;
let admin: string;
let manager: string;
let agent: string;

beforeAll(async () => {
  emulator = await startEmulator({ clock });
  admin = emulator.token('admin');
  manager = emulator.token('maria.chen@example.com');
  agent = emulator.token('agent');
});
afterAll(() => emulator.close());

function expectError(
  response: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T },
  status: number,
  id: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/vnd\.api\+json/);
  const body = response.json<ErrorDocument>();
  expect(isErrorDocument(body)).toBe(true);
  assertValid(validators.error, body);
  expect(body.errors[0]?.id).toBe(id);
  return body.errors;
}

describe('transport', () => {
  it('answers JSON:API with rate-limit headers on success and on errors', async () => {
    for (const token of [admin, undefined]) {
      const response = await emulator.request({
        method: 'GET',
        url: '/api/v2/callPurposes',
        token,
      });
      expect(response.headers['content-type']).toMatch(/^application\/vnd\.api\+json/);
      expect(Number(response.headers['x-ratelimit-limit'])).toBe(EMULATOR_DEFAULTS.rateLimit);
      expect(Number(response.headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
      const reset = Number(response.headers['x-ratelimit-reset']);
      expect(reset * 1000).toBeGreaterThan(clock.now());
      expect(reset * 1000).toBeLessThanOrEqual(clock.now() + RATE_LIMIT_WINDOW_MS);
    }
  });

  it('401 with WWW-Authenticate when the token is missing, unknown or malformed', async () => {
    const missing = await emulator.request({ method: 'GET', url: '/api/v2/callPurposes' });
    expectError(missing, 401, 'unauthorized');
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="outreach"');
    for (const authorization of ['Bearer nope', 'Bearer', 'Bearer a b']) {
      const bad = await emulator.request({
        method: 'GET',
        url: '/api/v2/callPurposes',
        headers: { authorization },
      });
      expectError(bad, 401, 'unauthorized');
      expect(bad.headers['www-authenticate']).toMatch(
        /^Bearer realm="outreach", error="invalid_token"/,
      );
    }
  });

  it('401 invalid_token once a token has expired', async () => {
    const shortClock = createTestClock();
    const shortLived = await startEmulator({ tokenTtlSeconds: 1, clock: shortClock });
    try {
      const result = mintToken(
        shortLived.dataDir,
        'admin',
        'callPurposes.all',
        1,
        shortClock.now(),
      );
      if (!('token' in result)) throw new Error(result.error);
      expect(
        (await shortLived.request({ method: 'GET', url: '/api/v2', token: result.token }))
          .statusCode,
      ).toBe(200);
      // Its last valid millisecond, then the first one past its life.
      shortClock.advance(999);
      expect(
        (await shortLived.request({ method: 'GET', url: '/api/v2', token: result.token }))
          .statusCode,
      ).toBe(200);
      shortClock.advance(1);
      const expired = await shortLived.request({
        method: 'GET',
        url: '/api/v2',
        token: result.token,
      });
      expectError(expired, 401, 'unauthorized');
      expect(expired.headers['www-authenticate']).toContain('error="invalid_token"');
    } finally {
      await shortLived.close();
    }
  });

  it('415 unsupportedMediaType for a body of another type, and nothing is written', async () => {
    const before = snapshot(emulator.dataDir);
    for (const type of ['application/json', 'text/plain', 'application/vnd.api+json; ext=bulk']) {
      const response = await emulator.request({
        method: 'POST',
        url: '/api/v2/callPurposes',
        token: admin,
        headers: { 'content-type': type },
        payload: JSON.stringify(purposeDocument({ name: 'Nope' })),
      });
      expectError(response, 415, 'unsupportedMediaType');
    }
    expect(snapshot(emulator.dataDir)).toBe(before);
  });

  it('accepts charset=utf-8 on the JSON:API media type', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/callPurposes/1',
      token: admin,
      headers: { 'content-type': `${JSON_API}; charset=utf-8` },
    });
    expect(response.statusCode).toBe(200);
  });

  it('unknown paths are JSON:API 404s, never HTML', async () => {
    expectError(
      await emulator.request({ method: 'GET', url: '/api/v2/meetings', token: admin }),
      404,
      'resourceNotFound',
    );
    expectError(
      await emulator.request({ method: 'GET', url: '/nowhere' }),
      404,
      'resourceNotFound',
    );
    expectError(
      await emulator.request({ method: 'PUT', url: '/api/v2/callPurposes/1', token: admin }),
      404,
      'resourceNotFound',
    );
  });

  it('429 rateLimitExceeded with Retry-After past the limit, per user, until the hour turns', async () => {
    // Twenty minutes into an hour: the window ends at 11:00, 2400 s away.
    const limitClock = createTestClock(Date.parse('2030-01-01T10:20:00.000Z'));
    const windowEnd = Date.parse('2030-01-01T11:00:00.000Z');
    const limited = await startEmulator({ rateLimit: 3, clock: limitClock });
    try {
      const token = limited.token('admin');
      const other = limited.token('manager');
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await limited.request({ method: 'GET', url: '/api/v2/callPurposes', token });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      if (!last) throw new Error('no response');
      expectError(last, 429, 'rateLimitExceeded');
      expect(last.headers['retry-after']).toBe('2400');
      expect(last.headers['x-ratelimit-reset']).toBe(String(windowEnd / 1000));
      expect(last.headers['x-ratelimit-remaining']).toBe('0');
      // Another user has a bucket of their own.
      expect(
        (await limited.request({ method: 'GET', url: '/api/v2/callPurposes', token: other }))
          .statusCode,
      ).toBe(200);

      // The window's last millisecond is still in it; the next one starts a fresh window.
      limitClock.set(windowEnd - 1);
      const stillLimited = await limited.request({ method: 'GET', url: '/api/v2', token });
      expectError(stillLimited, 429, 'rateLimitExceeded');
      expect(stillLimited.headers['retry-after']).toBe('1');
      limitClock.set(windowEnd);
      const fresh = await limited.request({ method: 'GET', url: '/api/v2', token });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers['x-ratelimit-remaining']).toBe('2');
      expect(fresh.headers['x-ratelimit-reset']).toBe(
        String((windowEnd + RATE_LIMIT_WINDOW_MS) / 1000),
      );
    } finally {
      await limited.close();
    }
  });
});

describe('API root and users', () => {
  it('GET /api/v2 tells who the token belongs to and its scopes, with any scope', async () => {
    const token = emulator.token('manager', 'callPurposes.read');
    const response = await emulator.request({ method: 'GET', url: '/api/v2', token });
    expect(response.statusCode).toBe(200);
    expect(response.json<ApiRootDocument>()).toEqual({
      meta: {
        user: { id: 2, email: 'maria.chen@example.com', firstName: 'Maria', lastName: 'Chen' },
        scopes: ['callPurposes.read'],
      },
    });
    expect((await emulator.request({ method: 'GET', url: '/api/v2?x=1', token })).statusCode).toBe(
      400,
    );
  });

  it('GET /users/{id} with users.read or a callPurposes read scope; 404 for unknown ids', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/users/3',
      token: emulator.token('admin', 'users.read'),
    });
    expect(response.json<SingleDocument<UserJson>>()).toEqual({
      data: {
        type: 'user',
        id: 3,
        // `as unknown`: Vitest types its asymmetric matchers `any`.
        attributes: expect.objectContaining({
          firstName: 'Sam',
          lastName: 'Patel',
          email: 'sam.patel@example.com',
        }) as unknown,
        links: { self: '/api/v2/users/3' },
      },
    });
    expect(
      (await emulator.request({ method: 'GET', url: '/api/v2/users/1', token: agent })).statusCode,
    ).toBe(200);
    const fields = await emulator.request({
      method: 'GET',
      url: '/api/v2/users/1?fields[user]=email',
      token: agent,
    });
    expect(fields.json<SingleDocument<UserJson>>().data.attributes).toEqual({
      email: 'alex.morgan@example.com',
    });
    expectError(
      await emulator.request({
        method: 'GET',
        url: '/api/v2/users/1',
        token: emulator.token('admin', 'callPurposes.write'),
      }),
      403,
      'unauthorizedOauthScope',
    );
    expectError(
      await emulator.request({ method: 'GET', url: '/api/v2/users/99', token: agent }),
      404,
      'resourceNotFound',
    );
  });
});

describe('list', () => {
  it('200 {data, links, meta} in display order, matching the contract and API.md shape', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/callPurposes',
      token: agent,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<ListDocument>();
    assertValid(validators.list, body);
    expect(Object.keys(body).sort()).toEqual(['data', 'links', 'meta']);
    // Seeded orders are 10, 20, … in seeding order: display order is the seeded list.
    expect(body.data.map((r) => r.attributes.name)).toEqual(SEEDED_PURPOSES.map((p) => p.name));
    expect(body.data[2]).toEqual({
      type: 'callPurpose',
      id: 3,
      attributes: {
        name: 'Discovery Call',
        order: 30,
        createdAt: expect.any(String) as unknown,
        updatedAt: expect.any(String) as unknown,
      },
      relationships: {
        creator: { data: { type: 'user', id: 2 } },
        calls: { links: { related: '/api/v2/calls?filter[callPurpose][id]=3' } },
      },
      links: { self: '/api/v2/callPurposes/3' },
    });
    expect(body.links).toEqual({ first: '/api/v2/callPurposes' });
    expect(body.meta).toEqual({});
    const [first] = body.data;
    assert.exists(first);
    expect(new Date(first.attributes.createdAt).toISOString()).toBe(first.attributes.createdAt);
    expect(body.data[0]).not.toHaveProperty('attributes.locked');
  });

  it('sorts by several keys, descending with "-"', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/callPurposes?sort=-name',
      token: agent,
    });
    const names = response.json<ListDocument>().data.map((r) => r.attributes.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => b.localeCompare(a)));
    const byCreator = await emulator.request({
      method: 'GET',
      url: '/api/v2/callPurposes?sort=-createdAt,id',
      token: agent,
    });
    expect(byCreator.json<ListDocument>().data.map((r) => r.id)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it.each([
    ['filter[name]=Demo', [4]],
    ['filter[id]=1,3,5', [1, 3, 5]],
    ['filter[order]=30..50', [3, 4, 5]],
    ['filter[order]=neginf..20', [1, 2]],
    ['filter[order]=70..inf', [7, 8]],
    ['filter[order]=__null__', []],
    ['filter[order]=__notnull__', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['filter[id]=2..4&filter[order]=40..inf', [4]],
  ])('filters %s', async (query, ids) => {
    const response = await emulator.request({
      method: 'GET',
      url: `/api/v2/callPurposes?${query}`,
      token: agent,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<ListDocument>().data.map((r) => r.id)).toEqual(ids);
  });

  it('filters by createdAt and updatedAt ranges', async () => {
    const all = (
      await emulator.request({
        method: 'GET',
        url: '/api/v2/callPurposes?filter[id]=1,2,3,4,5,6,7,8',
        token: agent,
      })
    ).json<ListDocument>();
    const [first, , , fourth] = all.data;
    assert.exists(first);
    assert.exists(fourth);
    const cut = fourth.attributes.createdAt;
    const after = await emulator.request({
      method: 'GET',
      url: `/api/v2/callPurposes?filter[createdAt]=${cut}..inf&filter[id]=neginf..8`,
      token: agent,
    });
    expect(after.json<ListDocument>().data.map((r) => r.id)).toEqual([4, 5, 6, 7, 8]);
    const exact = await emulator.request({
      method: 'GET',
      url: `/api/v2/callPurposes?filter[updatedAt]=${first.attributes.updatedAt}`,
      token: agent,
    });
    expect(exact.json<ListDocument>().data.map((r) => r.id)).toContain(1);
  });

  it('count=true adds meta.count, include=creator adds users, fields[...] trims', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/callPurposes?filter[id]=1,3&count=true&include=creator&fields[callPurpose]=name,creator&fields[user]=firstName,lastName,email',
      token: agent,
    });
    const body = response.json<ListDocument>();
    assertValid(validators.list, body);
    expect(body.meta).toEqual({ count: 2 });
    expect(body.data[0]).toEqual({
      type: 'callPurpose',
      id: 1,
      attributes: { name: 'Initial Contact' },
      relationships: { creator: { data: { type: 'user', id: 1 } } },
      links: { self: '/api/v2/callPurposes/1' },
    });
    expect(body.included).toEqual([
      {
        type: 'user',
        id: 1,
        attributes: { firstName: 'Alex', lastName: 'Morgan', email: 'alex.morgan@example.com' },
        links: { self: '/api/v2/users/1' },
      },
      {
        type: 'user',
        id: 2,
        attributes: { firstName: 'Maria', lastName: 'Chen', email: 'maria.chen@example.com' },
        links: { self: '/api/v2/users/2' },
      },
    ]);
  });

  it('provideAuthorizationMeta=true adds meta.canWrite and meta.canDelete', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/callPurposes?provideAuthorizationMeta=true&filter[id]=1,3',
      token: manager,
    });
    expect(response.json<ListDocument>().data.map((r) => r.meta)).toEqual([
      { canWrite: false, canDelete: false },
      { canWrite: true, canDelete: true },
    ]);
  });

  it('400 naming the parameter for unknown parameters, sort keys and filters', async () => {
    for (const [query, parameter] of [
      ['foo=bar', 'foo'],
      ['sort=color', 'sort'],
      ['filter[creator]=1', 'filter[creator]'],
      ['page[size]=1001', 'page[size]'],
      ['page[after]=garbage', 'page[after]'],
    ]) {
      const errors = expectError(
        await emulator.request({
          method: 'GET',
          url: `/api/v2/callPurposes?${query}`,
          token: agent,
        }),
        400,
        'badRequest',
      );
      expect(errors[0]?.source).toEqual({ parameter });
    }
  });

  it('403 unauthorizedOauthScope without a read scope (write does not imply read)', async () => {
    const token = emulator.token('admin', 'callPurposes.write callPurposes.delete');
    const response = await emulator.request({ method: 'GET', url: '/api/v2/callPurposes', token });
    expectError(response, 403, 'unauthorizedOauthScope');
  });
});

describe('create', () => {
  it('201 with the new resource, trimmed name, placed last, creator = caller', async () => {
    const response = await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes?provideAuthorizationMeta=true',
      token: manager,
      json: purposeDocument({ name: '  Upsell  ' }),
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<SingleDocument>();
    assertValid(validators.created, body);
    expect(body.data).toMatchObject({
      type: 'callPurpose',
      attributes: { name: 'Upsell' },
      relationships: { creator: { data: { type: 'user', id: 2 } } },
      meta: { canWrite: true, canDelete: true },
    });
    expect(Number.isInteger(body.data.id)).toBe(true);
    expect(response.headers.location).toBe(`/api/v2/callPurposes/${body.data.id}`);
    const list = (
      await emulator.request({ method: 'GET', url: '/api/v2/callPurposes', token: agent })
    ).json<ListDocument>();
    expect(list.data.at(-1)?.id).toBe(body.data.id);
    const previousOrder = list.data.at(-2)?.attributes.order;
    assert.exists(previousOrder);
    expect(body.data.attributes.order).toBeGreaterThan(previousOrder);
    expect(body.data.attributes.createdAt).toBe(body.data.attributes.updatedAt);
  });

  it('201 with an explicit order, and duplicate names are allowed', async () => {
    const response = await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes',
      token: admin,
      json: purposeDocument({ name: 'Demo', order: 45 }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<SingleDocument>().data.attributes).toMatchObject({
      name: 'Demo',
      order: 45,
    });
  });

  it.each([
    [{ name: '' }, '/data/attributes/name'],
    [{ name: '   ' }, '/data/attributes/name'],
    [{ name: 'x'.repeat(256) }, '/data/attributes/name'],
    [{ name: 7 }, '/data/attributes/name'],
    [{ name: null }, '/data/attributes/name'],
    [{}, '/data/attributes/name'],
    [{ name: 'A', order: 1.5 }, '/data/attributes/order'],
    [{ name: 'A', order: '3' }, '/data/attributes/order'],
    [{ name: 'A', order: 2147483648 }, '/data/attributes/order'],
    [{ name: 'A', color: 'red' }, '/data/attributes/color'],
    [{ name: 'A', createdAt: '2020-01-01T00:00:00.000Z' }, '/data/attributes/createdAt'],
    [{ name: 'A', updatedAt: '2020-01-01T00:00:00.000Z' }, '/data/attributes/updatedAt'],
  ])(
    '422 validationError for attributes %j at %s, nothing written',
    async (attributes, pointer) => {
      const before = snapshot(emulator.dataDir);
      const errors = expectError(
        await emulator.request({
          method: 'POST',
          url: '/api/v2/callPurposes',
          token: admin,
          json: purposeDocument(attributes),
        }),
        422,
        'validationError',
      );
      expect(errors.map((e) => e.source?.pointer)).toContain(pointer);
      expect(snapshot(emulator.dataDir)).toBe(before);
    },
  );

  it('accepts a 255-character name and counts characters, not UTF-16 units', async () => {
    const name = '😀'.repeat(255);
    const response = await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes',
      token: admin,
      json: purposeDocument({ name }),
    });
    expect(response.statusCode).toBe(201);
  });

  it('422 for relationships, client ids and malformed documents; 400 for malformed JSON', async () => {
    const before = snapshot(emulator.dataDir);
    const cases: [unknown, string][] = [
      [
        {
          data: {
            type: 'callPurpose',
            attributes: { name: 'A' },
            relationships: { creator: { data: { type: 'user', id: 3 } } },
          },
        },
        '/data/relationships',
      ],
      [{ data: { type: 'callPurpose', id: 99, attributes: { name: 'A' } } }, '/data/id'],
      [{ data: { attributes: { name: 'A' } } }, '/data/type'],
      [{ data: [] }, '/data'],
      [[], ''],
      [{ data: { type: 'callPurpose', attributes: 'A' } }, '/data/attributes'],
    ];
    for (const [json, pointer] of cases) {
      const errors = expectError(
        await emulator.request({ method: 'POST', url: '/api/v2/callPurposes', token: admin, json }),
        422,
        'validationError',
      );
      expect(errors.map((e) => e.source?.pointer)).toContain(pointer);
    }
    const malformed = await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes',
      token: admin,
      headers: { 'content-type': JSON_API },
      payload: '{"data": ',
    });
    expectError(malformed, 400, 'badRequest');
    expect(snapshot(emulator.dataDir)).toBe(before);
  });
});

describe('read', () => {
  it('200 with the resource; include and authorization meta on request', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/callPurposes/4?include=creator&provideAuthorizationMeta=true',
      token: agent,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<SingleDocument>();
    assertValid(validators.read, body);
    expect(body.data).toMatchObject({
      id: 4,
      attributes: { name: 'Demo', order: 40 },
      meta: { canWrite: false, canDelete: false },
    });
    expect(body.included).toEqual([expect.objectContaining({ type: 'user', id: 2 })]);
  });
});

describe('update', () => {
  it('200 changing only the named attributes and bumping updatedAt', async () => {
    const before = (
      await emulator.request({ method: 'GET', url: '/api/v2/callPurposes/5', token: admin })
    ).json<SingleDocument>().data;
    clock.advance(60_000);
    const response = await emulator.request({
      method: 'PATCH',
      url: '/api/v2/callPurposes/5',
      token: admin,
      json: purposeDocument({ order: 55 }, 5),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<SingleDocument>();
    assertValid(validators.updated, body);
    expect(body.data.attributes).toMatchObject({
      name: before.attributes.name,
      order: 55,
      createdAt: before.attributes.createdAt,
    });
    expect(body.data.attributes.updatedAt > before.attributes.updatedAt).toBe(true);
    expect(body.data.attributes.updatedAt).toBe(new Date(clock.now()).toISOString());
    const renamed = await emulator.request({
      method: 'PATCH',
      url: '/api/v2/callPurposes/5',
      token: admin,
      json: purposeDocument({ name: ' Pricing ' }, 5),
    });
    expect(renamed.json<SingleDocument>().data.attributes).toMatchObject({
      name: 'Pricing',
      order: 55,
    });
  });

  it('accepts a string id equal to the URL id and a null order (sorted last)', async () => {
    const response = await emulator.request({
      method: 'PATCH',
      url: '/api/v2/callPurposes/6',
      token: admin,
      json: { data: { type: 'callPurpose', id: '6', attributes: { order: null } } },
    });
    expect(response.statusCode).toBe(200);
    const list = (
      await emulator.request({
        method: 'GET',
        url: '/api/v2/callPurposes?filter[id]=1..8',
        token: admin,
      })
    ).json<ListDocument>();
    expect(list.data.at(-1)?.id).toBe(6);
    await emulator.request({
      method: 'PATCH',
      url: '/api/v2/callPurposes/6',
      token: admin,
      json: purposeDocument({ order: 60 }, 6),
    });
  });

  it('422 with pointers for a missing id, bad attributes and read-only members; nothing written', async () => {
    const before = snapshot(emulator.dataDir);
    const cases: [unknown, string][] = [
      [{ data: { type: 'callPurpose', attributes: { order: 1 } } }, '/data/id'],
      [purposeDocument({ name: '' }, 5), '/data/attributes/name'],
      [purposeDocument({ order: 'first' }, 5), '/data/attributes/order'],
      [purposeDocument({ order: 1, createdAt: 'x' }, 5), '/data/attributes/createdAt'],
      [{ data: { type: 'callPurpose', id: 5, relationships: {} } }, '/data/relationships'],
    ];
    for (const [json, pointer] of cases) {
      const errors = expectError(
        await emulator.request({
          method: 'PATCH',
          url: '/api/v2/callPurposes/5',
          token: admin,
          json,
        }),
        422,
        'validationError',
      );
      expect(errors.map((e) => e.source?.pointer)).toContain(pointer);
    }
    expect(snapshot(emulator.dataDir)).toBe(before);
  });
});

describe('delete', () => {
  it('204 with an empty body, then 404', async () => {
    const created = (
      await emulator.request({
        method: 'POST',
        url: '/api/v2/callPurposes',
        token: manager,
        json: purposeDocument({ name: 'Temp' }),
      })
    ).json<SingleDocument>();
    const url = `/api/v2/callPurposes/${created.data.id}`;
    const response = await emulator.request({
      method: 'DELETE',
      url,
      token: manager,
      headers: { 'content-type': JSON_API },
    });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers['x-ratelimit-limit']).toBe(String(EMULATOR_DEFAULTS.rateLimit));
    expectError(
      await emulator.request({ method: 'DELETE', url, token: manager }),
      404,
      'resourceNotFound',
    );
    expectError(
      await emulator.request({ method: 'GET', url, token: manager }),
      404,
      'resourceNotFound',
    );
  });
});

/** A request the API must refuse with `status` and error `id`, changing nothing. */
type Refusal = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** Whose token, and with which scopes (the harness default when omitted). */
  as: [who: string, scope?: string];
  json?: unknown;
  /** Sent as is with `contentType`, instead of `json`. */
  raw?: { contentType: string; payload: string };
  status: number;
  id: string;
};

const MANAGER = 'maria.chen@example.com';
const refusals: [string, Refusal][] = [
  ...['999', 'abc', '0', '-1', '1.5', '99999999999999999999'].map((id): [string, Refusal] => [
    `GET of callPurpose "${id}": no such resource`,
    {
      method: 'GET',
      url: `/api/v2/callPurposes/${id}`,
      as: ['agent'],
      status: 404,
      id: 'resourceNotFound',
    },
  ]),
  [
    'GET of a callPurpose without a callPurposes scope',
    {
      method: 'GET',
      url: '/api/v2/callPurposes/1',
      as: ['agent', 'users.read'],
      status: 403,
      id: 'unauthorizedOauthScope',
    },
  ],
  [
    'POST by an agent (the role may not create)',
    {
      method: 'POST',
      url: '/api/v2/callPurposes',
      as: ['agent'],
      json: purposeDocument({ name: 'X' }),
      status: 403,
      id: 'unauthorizedRequest',
    },
  ],
  [
    'POST with a read-only token',
    {
      method: 'POST',
      url: '/api/v2/callPurposes',
      as: ['admin', 'callPurposes.read'],
      json: purposeDocument({ name: 'X' }),
      status: 403,
      id: 'unauthorizedOauthScope',
    },
  ],
  [
    'POST of another type',
    {
      method: 'POST',
      url: '/api/v2/callPurposes',
      as: ['admin'],
      json: { data: { type: 'call', attributes: { name: 'A' } } },
      status: 409,
      id: 'conflict',
    },
  ],
  [
    'PATCH whose id differs from the URL',
    {
      method: 'PATCH',
      url: '/api/v2/callPurposes/5',
      as: ['admin'],
      json: purposeDocument({ order: 1 }, 6),
      status: 409,
      id: 'conflict',
    },
  ],
  [
    'PATCH of another type',
    {
      method: 'PATCH',
      url: '/api/v2/callPurposes/5',
      as: ['admin'],
      json: { data: { type: 'user', id: 5, attributes: {} } },
      status: 409,
      id: 'conflict',
    },
  ],
  [
    'PATCH of an unknown id',
    {
      method: 'PATCH',
      url: '/api/v2/callPurposes/999',
      as: ['admin'],
      json: purposeDocument({ order: 1 }, 999),
      status: 404,
      id: 'resourceNotFound',
    },
  ],
  [
    'PATCH by a manager of a locked purpose',
    {
      method: 'PATCH',
      url: '/api/v2/callPurposes/1',
      as: [MANAGER],
      json: purposeDocument({ order: 1 }, 1),
      status: 403,
      id: 'unauthorizedRequest',
    },
  ],
  [
    'PATCH sent as plain JSON',
    {
      method: 'PATCH',
      url: '/api/v2/callPurposes/5',
      as: ['admin'],
      raw: {
        contentType: 'application/json',
        payload: JSON.stringify(purposeDocument({ order: 1 }, 5)),
      },
      status: 415,
      id: 'unsupportedMediaType',
    },
  ],
  [
    'DELETE by a manager of what she did not create',
    {
      method: 'DELETE',
      url: '/api/v2/callPurposes/8',
      as: [MANAGER],
      status: 403,
      id: 'unauthorizedRequest',
    },
  ],
  [
    'DELETE without the delete scope',
    {
      method: 'DELETE',
      url: '/api/v2/callPurposes/8',
      as: ['admin', 'callPurposes.read callPurposes.write'],
      status: 403,
      id: 'unauthorizedOauthScope',
    },
  ],
  [
    'DELETE with query parameters',
    {
      method: 'DELETE',
      url: '/api/v2/callPurposes/8?cascade=true',
      as: ['admin'],
      status: 400,
      id: 'badRequest',
    },
  ],
];

describe('refusals', () => {
  it.each(refusals)(
    '%s: the status and error API.md names, and nothing changes',
    async (_, refusal) => {
      const before = snapshot(emulator.dataDir);
      const [who, scope] = refusal.as;
      expectError(
        await emulator.request({
          method: refusal.method,
          url: refusal.url,
          token: emulator.token(who, scope),
          ...(refusal.json === undefined ? {} : { json: refusal.json }),
          ...(refusal.raw === undefined
            ? {}
            : {
                headers: { 'content-type': refusal.raw.contentType },
                payload: refusal.raw.payload,
              }),
        }),
        refusal.status,
        refusal.id,
      );
      expect(snapshot(emulator.dataDir)).toBe(before);
    },
  );
});

describe('over real HTTP', () => {
  it('serves the API on a real socket (port 0)', async () => {
    const server = await startEmulator();
    try {
      const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const token = server.token('admin');
      const response = await fetch(`${address}/api/v2/callPurposes?page[size]=2`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-remaining')).toBe('9999');
      const body = (await response.json()) as ListDocument;
      expect(body.data).toHaveLength(2);
      const next = await fetch(`${address}${body.links.next}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await next.json()) as ListDocument).data.map((r) => r.id)).toEqual([3, 4]);
      expect((await fetch(`${address}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

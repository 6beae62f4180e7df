// Property: whatever malformed request arrives — random method, path, query, headers, body,
// content type — the emulator answers below 500, every error is a JSON:API error document,
// and no row changes. Each generated request is malformed by construction (see `kind`), so
// none of them may legitimately write.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseFile } from './db';
import { isErrorDocument } from './test/contract';
import { JSON_API, startEmulator, type Emulator } from './test/harness';

// High enough that 1,200 requests never meet the limit.
const RATE_LIMIT = 1_000_000;
let emulator: Emulator;
let reader: Database.Database;
let tokens: Record<'admin' | 'manager' | 'agent' | 'readOnly', string>;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: RATE_LIMIT });
  tokens = {
    admin: emulator.token('admin', 'callPurposes.all calls.all'),
    manager: emulator.token('manager'),
    agent: emulator.token('agent'),
    readOnly: emulator.token('admin', 'callPurposes.read'),
  };
  reader = new Database(databaseFile(emulator.dataDir), { readonly: true });
});
afterAll(async () => {
  reader.close();
  await emulator.close();
});

function rows(): string {
  return JSON.stringify([
    reader.prepare('SELECT * FROM call_purposes ORDER BY id').all(),
    reader.prepare('SELECT * FROM users ORDER BY id').all(),
    // Thousands of seeded calls: a checksum computed inside SQLite keeps 1,200 comparisons cheap.
    reader
      .prepare(
        `SELECT count(*), total(id * 7919 + ifnull(call_purpose_id, -1) * 31), max(updated_at)
         FROM calls`,
      )
      .raw()
      .get(),
  ]);
}

const anyMethod = fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS');
const writeMethod = fc.constantFrom('POST', 'PATCH', 'PUT');
const idSegment = fc.oneof(
  fc.constantFrom(
    '1',
    '2',
    '3',
    '8',
    '0',
    '-1',
    '999',
    'abc',
    '1.5',
    '1e3',
    '%20',
    '01',
    '99999999999999999999',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const apiPath = fc.oneof(
  fc.constant('/api/v2'),
  fc.constant('/api/v2/callPurposes'),
  idSegment.map((id) => `/api/v2/callPurposes/${id}`),
  idSegment.map((id) => `/api/v2/users/${id}`),
  fc.constant('/api/v2/calls'),
  idSegment.map((id) => `/api/v2/calls/${id}`),
  idSegment.map((id) => `/api/v2/callPurposes/${id}/relationships/creator`),
  fc.string({ maxLength: 20 }).map((s) => `/api/v2/${encodeURIComponent(s)}`),
  fc.constantFrom(
    '/',
    '/api',
    '/api/v3/callPurposes',
    '/api/v2/callPurposes/%E0%A4%A',
    '/api/v2//callPurposes',
  ),
);
const unknownPath = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }).map((s) => `/api/v2/x${encodeURIComponent(s)}`),
  fc.constantFrom(
    '/api/v2/call',
    '/api/v2/callPurpose',
    '/api/v2/users',
    '/api/v2/callPurposes/1/2',
  ),
);
const queryKey = fc.oneof(
  fc.constantFrom(
    'sort',
    'filter[id]',
    'filter[name]',
    'filter[order]',
    'filter[createdAt]',
    'filter[creator]',
    'filter[callPurpose][id]',
    'fields[call]',
    'page[size]',
    'page[after]',
    'page[before]',
    'count',
    'include',
    'fields[callPurpose]',
    'fields[user]',
    'provideAuthorizationMeta',
  ),
  fc.string({ maxLength: 10 }),
);
const queryValue = fc.oneof(
  fc.constantFrom(
    '',
    'true',
    '-1',
    '0',
    '1001',
    '1..',
    '..',
    'neginf..inf',
    '__null__',
    'name,-name',
    'creator,calls',
    'eyJhIjoxfQ',
  ),
  fc.string({ maxLength: 16 }),
);
const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 });
/** A parameter no endpoint supports, so any request carrying it must be refused. */
const unsupportedParam = fc.tuple(
  fc.string({ minLength: 1, maxLength: 8 }).map((s) => `zz${s}`),
  queryValue,
);

const foreignContentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    `${JSON_API}; ext=bulk`,
    'application/vnd.api+jsonx',
  ),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((s) => !s.toLowerCase().includes('vnd.api+json') && /^[\x21-\x7e]+$/.test(s)),
);
const anyContentType = fc.option(fc.oneof(fc.constant(JSON_API), foreignContentType), {
  nil: undefined,
});
const nonEmptyBody = fc.oneof(
  fc.json().filter((text) => text.trim() !== ''),
  fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== ''),
);
/** JSON:API-looking documents that are always invalid: they carry an attribute no purpose has. */
const invalidDocument = fc
  .record({
    type: fc.option(fc.constantFrom('callPurpose', 'user', 7), { nil: undefined }),
    id: fc.option(fc.oneof(fc.integer({ min: -2, max: 10 }), fc.string({ maxLength: 3 })), {
      nil: undefined,
    }),
    name: fc.option(fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null)), {
      nil: undefined,
    }),
    order: fc.option(
      fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null)),
      { nil: undefined },
    ),
    junk: fc.string({ minLength: 1, maxLength: 8 }).map((s) => `x-${s}`),
  })
  .map(({ type, id, name, order, junk }) =>
    JSON.stringify({
      data: {
        ...(type === undefined ? {} : { type }),
        ...(id === undefined ? {} : { id }),
        attributes: {
          ...(name === undefined ? {} : { name }),
          ...(order === undefined ? {} : { order }),
          [junk]: true,
        },
      },
    }),
  );
const malformedJson = fc.constantFrom(
  '{',
  '{"data":',
  '[1,',
  'nul',
  '{"data":{"type":"callPurpose",}}',
  '\u0000',
);
const badAuthorization = fc.option(
  fc.oneof(
    fc.constantFrom('Bearer', 'Bearer ', 'Basic YTpi', 'bearer nope', 'Token abc'),
    fc.string({ maxLength: 30 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, 'x')}x`),
  ),
  { nil: undefined },
);
const goodAuthorization = fc
  .constantFrom('admin', 'manager', 'agent', 'readOnly')
  .map((who) => `Bearer ${tokens[who]}`);
const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'accept',
    'x-forwarded-for',
    'origin',
    'if-match',
    'accept-encoding',
    'x-http-method-override',
  ),
  fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  { maxKeys: 2 },
);

type Generated = {
  kind: string;
  method: string;
  path: string;
  query: [string, string][];
  authorization?: string;
  contentType?: string;
  body?: string;
  headers: Record<string, string>;
};

const request: fc.Arbitrary<Generated> = fc.oneof(
  // Not authenticated: anything else goes.
  fc.record({
    kind: fc.constant('unauthenticated'),
    method: anyMethod,
    path: apiPath,
    query,
    authorization: badAuthorization,
    contentType: anyContentType,
    body: fc.option(nonEmptyBody, { nil: undefined }),
    headers: extraHeaders,
  }),
  // Authenticated, but the body has a foreign media type.
  fc.record({
    kind: fc.constant('foreign media type'),
    method: fc.constantFrom('POST', 'PATCH', 'PUT', 'DELETE'),
    path: apiPath,
    query,
    authorization: goodAuthorization,
    contentType: foreignContentType,
    body: nonEmptyBody,
    headers: extraHeaders,
  }),
  // Authenticated, JSON:API media type, but an invalid document or malformed JSON.
  fc.record({
    kind: fc.constant('invalid document'),
    method: writeMethod,
    path: apiPath,
    query,
    authorization: goodAuthorization,
    contentType: fc.constant(JSON_API),
    body: fc.oneof(invalidDocument, malformedJson, fc.json()),
    headers: extraHeaders,
  }),
  // Authenticated, but a query parameter nobody supports.
  fc.record({
    kind: fc.constant('unsupported parameter'),
    method: anyMethod,
    path: apiPath,
    query: fc.tuple(query, unsupportedParam).map(([q, p]) => [...q, p]),
    authorization: goodAuthorization,
    contentType: anyContentType,
    body: fc.option(invalidDocument, { nil: undefined }),
    headers: extraHeaders,
  }),
  // Authenticated, but no such endpoint.
  fc.record({
    kind: fc.constant('unknown path'),
    method: anyMethod,
    path: unknownPath,
    query,
    authorization: goodAuthorization,
    contentType: anyContentType,
    body: fc.option(nonEmptyBody, { nil: undefined }),
    headers: extraHeaders,
  }),
);

function urlOf(generated: Generated): string {
  if (generated.query.length === 0) return generated.path;
  const search = generated.query
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${generated.path}?${search}`;
}

it('answers 1,200 malformed requests without a 5xx, always with JSON:API errors, changing nothing', async () => {
  const before = rows();
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, async (generated) => {
      const response = await emulator.app.inject({
        method: generated.method as 'GET',
        url: urlOf(generated),
        headers: {
          ...generated.headers,
          ...(generated.authorization === undefined
            ? {}
            : { authorization: generated.authorization }),
          ...(generated.contentType === undefined ? {} : { 'content-type': generated.contentType }),
        },
        ...(generated.body === undefined ? {} : { payload: generated.body }),
      });
      seen.set(response.statusCode, (seen.get(response.statusCode) ?? 0) + 1);
      const context = `${generated.kind}: ${generated.method} ${urlOf(generated)} -> ${response.statusCode} ${response.body.slice(0, 200)}`;
      expect(response.statusCode, context).toBeLessThan(500);
      if (response.statusCode >= 400) {
        expect(response.headers['content-type'], context).toMatch(/^application\/vnd\.api\+json/);
        expect(isErrorDocument(response.json()), context).toBe(true);
      }
      // A URL the router cannot decode is refused before any route or hook runs (Fastify's
      // frameworkErrors), so it carries no rate-limit headers; every routed answer does.
      const routable = !generated.path.includes('%E0%A4%A');
      if (routable && generated.path.startsWith('/api/v2')) {
        expect(response.headers['x-ratelimit-limit'], context).toBe(String(RATE_LIMIT));
      }
      expect(rows(), context).toBe(before);
    }),
    { numRuns: 1200 },
  );
  expect(rows()).toBe(before);
  // The run must have exercised refusals of several kinds, not one path 1,200 times.
  expect([...seen.keys()].filter((status) => status >= 400).length).toBeGreaterThanOrEqual(5);
});

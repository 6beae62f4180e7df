// The published contract files as data: what the emulator supports must match what Outreach
// says is sortable, filterable and read-only. Where API.md and the files disagree, the files
// describe Outreach and API.md the emulator; each such place is a test below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorDocument } from '../shared/jsonApiErrors';
import { SORT_FIELDS } from './query/parameters';
import { createAjv, hyperSchema, openapi } from './test/contract';
import type { SingleDocument } from './test/documents';
import { purposeDocument, startEmulator, type Emulator } from './test/harness';

let emulator: Emulator;
let admin: string;
beforeAll(async () => {
  emulator = await startEmulator();
  admin = emulator.token('admin');
});
afterAll(() => emulator.close());

const definitions = Object.entries(hyperSchema.definitions);
const attributes = definitions.filter(([name]) => !['calls', 'creator'].includes(name));

describe('hyper-schema', () => {
  it('every sortable attribute sorts, and id too', async () => {
    const sortable = attributes.filter(([, d]) => d.sortable).map(([name]) => name);
    expect([...SORT_FIELDS].sort()).toEqual([...sortable, 'id'].sort());
    for (const name of sortable) {
      const response = await emulator.request({
        method: 'GET',
        url: `/api/v2/callPurposes?sort=-${name}`,
        token: admin,
      });
      expect(response.statusCode, name).toBe(200);
    }
  });

  it('every filterable attribute filters', async () => {
    const filterable = definitions.filter(([, d]) => d.filterable).map(([name]) => name);
    // The schema marks some definitions unfilterable (the relationships): the filter must leave
    // those out, and what it keeps is exactly what the emulator filters on.
    expect(definitions.map(([name]) => name).filter((name) => !filterable.includes(name))).toEqual([
      'calls',
      'creator',
    ]);
    expect([...filterable, 'id'].sort()).toEqual([...SORT_FIELDS].sort());
    // One row without an order, so that at least one filter has something to leave out.
    const created = await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes',
      token: admin,
      json: purposeDocument({ name: 'Unordered' }),
    });
    type Row = { id: number; attributes: Record<string, unknown> };
    type Rows = { data: Row[] };
    expect(created.statusCode).toBe(201);
    const unordered = created.json<{ data: Row }>().data.id;
    const cleared = await emulator.request({
      method: 'PATCH',
      url: `/api/v2/callPurposes/${unordered}`,
      token: admin,
      json: purposeDocument({ order: null }, unordered),
    });
    expect(cleared.json<{ data: Row }>().data.attributes.order).toBeNull();
    const all = (
      await emulator.request({ method: 'GET', url: '/api/v2/callPurposes', token: admin })
    ).json<Rows>().data;
    const narrowed: string[] = [];
    for (const name of filterable) {
      const response = await emulator.request({
        method: 'GET',
        url: `/api/v2/callPurposes?filter[${name}]=__notnull__`,
        token: admin,
      });
      expect(response.statusCode, name).toBe(200);
      const ids = response.json<Rows>().data.map((row) => row.id);
      const expected = all.filter((row) => row.attributes[name] !== null).map((row) => row.id);
      expect(ids, name).toEqual(expected);
      if (ids.length < all.length) narrowed.push(name);
    }
    // The filter applied: the unordered row is gone from filter[order] (and only from it).
    expect(narrowed).toEqual(['order']);
    await emulator.request({
      method: 'DELETE',
      url: `/api/v2/callPurposes/${unordered}`,
      token: admin,
    });
  });

  it('relationships cannot be filtered (OpenAPI: "cannot be used as a filter")', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: '/api/v2/callPurposes?filter[creator]=1',
      token: admin,
    });
    expect(response.statusCode).toBe(400);
  });

  it('read-only attributes are refused in writes with 422', async () => {
    const readOnly = attributes.filter(([, d]) => d.readOnly).map(([name]) => name);
    expect(readOnly.sort()).toEqual(['createdAt', 'updatedAt']);
    for (const name of readOnly) {
      const response = await emulator.request({
        method: 'PATCH',
        url: '/api/v2/callPurposes/3',
        token: admin,
        json: purposeDocument({ [name]: '2020-01-01T00:00:00.000Z' }, 3),
      });
      expect(response.statusCode).toBe(422);
      expect(response.json<ErrorDocument>().errors[0]?.source?.pointer).toBe(
        `/data/attributes/${name}`,
      );
    }
  });
});

describe('where API.md and the published files disagree', () => {
  it('calls.links.related: API.md shows a relative link with literal brackets; the OpenAPI file says format uri', async () => {
    const ajv = createAjv(openapi, 'raw');
    const validate = ajv.compile({ $ref: 'raw#/components/schemas/callPurposeResponse' });
    const body = (
      await emulator.request({ method: 'GET', url: '/api/v2/callPurposes/1', token: admin })
    ).json<SingleDocument>();
    expect(body.data.relationships?.calls?.links.related).toBe(
      '/api/v2/calls?filter[callPurpose][id]=1',
    );
    // The emulator follows API.md, so the unmodified published schema rejects exactly this link.
    expect(validate(body.data)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual([
      '/relationships/calls/links/related',
    ]);
  });

  it('name: the OpenAPI file marks it nullable; API.md requires 1..255 characters, so null is a 422', async () => {
    const name = (
      openapi as {
        components: {
          schemas: {
            callPurpose: { properties: { name: { nullable: boolean; maxLength: number } } };
          };
        };
      }
    ).components.schemas.callPurpose.properties.name;
    expect(name).toMatchObject({ nullable: true, maxLength: 255 });
    const response = await emulator.request({
      method: 'PATCH',
      url: '/api/v2/callPurposes/3',
      token: admin,
      json: purposeDocument({ name: null }, 3),
    });
    expect(response.statusCode).toBe(422);
  });

  it('errors: the OpenAPI file documents 422 (and 404) bodies only; API.md adds 400/401/403/409/415/429 in the same shape', async () => {
    const response = await emulator.request({ method: 'GET', url: '/api/v2/callPurposes' });
    expect(response.statusCode).toBe(401);
    expect(Object.keys(response.json<ErrorDocument>().errors[0] ?? {}).sort()).toEqual([
      'detail',
      'id',
      'title',
    ]);
  });
});

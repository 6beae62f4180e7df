import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/jsonApiErrors';
import { encodeCursor } from './cursor';
import { parseDocumentQuery, parseListQuery, parseNoQuery, parseUserQuery } from './listQuery';

const parse = (query: string) => parseListQuery(new URLSearchParams(query));

function rejectionOf(run: () => unknown): { status: number; parameter?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) {
      return { status: error.statusCode, parameter: error.errors[0]?.source?.parameter };
    }
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('parseListQuery', () => {
  it('defaults to display order, 50 per page, no count, no meta', () => {
    expect(parse('')).toEqual({
      sort: [
        { field: 'order', descending: false },
        { field: 'id', descending: false },
      ],
      filters: [],
      page: { size: 50 },
      count: false,
      document: { includeCreator: false, fields: {}, authorizationMeta: false },
    });
  });

  it('reads several sort keys with "-" and appends id as the tie-breaker', () => {
    expect(parse('sort=-updatedAt,name').sort).toEqual([
      { field: 'updatedAt', descending: true },
      { field: 'name', descending: false },
      { field: 'id', descending: false },
    ]);
    expect(parse('sort=-id').sort).toEqual([{ field: 'id', descending: true }]);
  });

  it.each([
    ['sort=color', 'sort'],
    ['sort=', 'sort'],
    ['sort=name,name', 'sort'],
    ['sort=--name', 'sort'],
    ['filter[color]=red', 'filter[color]'],
    ['filter[creator]=1', 'filter[creator]'],
    ['filter[id]=abc', 'filter[id]'],
    ['filter[id]=1,,2', 'filter[id]'],
    ['filter[id]=', 'filter[id]'],
    ['filter[order]=1.5', 'filter[order]'],
    ['filter[order]=99999999999', 'filter[order]'],
    ['filter[createdAt]=yesterday', 'filter[createdAt]'],
    ['page[size]=0', 'page[size]'],
    ['page[size]=1001', 'page[size]'],
    ['page[size]=ten', 'page[size]'],
    ['page[offset]=10', 'page[offset]'],
    ['page[after]=not-a-cursor', 'page[after]'],
    ['page[before]=eyJ4IjoxfQ', 'page[before]'],
    ['count=yes', 'count'],
    ['include=calls', 'include'],
    ['fields[callPurpose]=color', 'fields[callPurpose]'],
    ['fields[user]=password', 'fields[user]'],
    ['fields[call]=name', 'fields[call]'],
    ['provideAuthorizationMeta=1', 'provideAuthorizationMeta'],
    ['sort=name&sort=id', 'sort'],
    ['limit=5', 'limit'],
  ])('rejects %s naming %s', (query, parameter) => {
    expect(rejectionOf(() => parse(query))).toEqual({ status: 400, parameter });
  });

  it('parses exact, list, range, open range and null filters', () => {
    const { filters } = parse(
      'filter[name]=Demo&filter[id]=1,2,3&filter[order]=20..50&filter[createdAt]=neginf..2026-01-01&filter[updatedAt]=2025-06-01T10:00:00Z..inf',
    );
    expect(filters).toEqual([
      { field: 'name', kind: 'in', values: ['Demo'] },
      { field: 'id', kind: 'in', values: [1, 2, 3] },
      { field: 'order', kind: 'range', from: 20, to: 50 },
      { field: 'createdAt', kind: 'range', from: null, to: '2026-01-01T00:00:00.000Z' },
      { field: 'updatedAt', kind: 'range', from: '2025-06-01T10:00:00.000Z', to: null },
    ]);
    expect(parse('filter[order]=__null__').filters).toEqual([{ field: 'order', kind: 'null' }]);
    expect(parse('filter[order]=__notnull__').filters).toEqual([
      { field: 'order', kind: 'notNull' },
    ]);
  });

  it('matches names exactly, even names that look like ranges', () => {
    expect(parse('filter[name]=A..B').filters).toEqual([
      { field: 'name', kind: 'in', values: ['A..B'] },
    ]);
  });

  it('reads page size, count, include, sparse fieldsets and authorization meta', () => {
    const query = parse(
      'page[size]=1000&count=true&include=creator&fields[callPurpose]=name,order&fields[user]=email&provideAuthorizationMeta=true',
    );
    expect(query.page.size).toBe(1000);
    expect(query.count).toBe(true);
    expect(query.document.includeCreator).toBe(true);
    expect([...(query.document.fields.callPurpose ?? [])]).toEqual(['name', 'order']);
    expect([...(query.document.fields.user ?? [])]).toEqual(['email']);
    expect(query.document.authorizationMeta).toBe(true);
  });

  it('accepts cursors issued for the same sort and refuses them for another', () => {
    const sort = parse('sort=-name').sort;
    const cursor = encodeCursor(sort, ['Demo', 4]);
    expect(parse(`sort=-name&page[after]=${cursor}`).page.after).toEqual(['Demo', 4]);
    expect(parse(`sort=-name&page[before]=${cursor}`).page.before).toEqual(['Demo', 4]);
    expect(rejectionOf(() => parse(`sort=name&page[after]=${cursor}`)).parameter).toBe(
      'page[after]',
    );
    expect(
      rejectionOf(() => parse(`sort=-name&page[after]=${cursor}&page[before]=${cursor}`)).status,
    ).toBe(400);
    // A cursor with a value of the wrong type for its key is not one the API issued.
    const forged = encodeCursor(sort, [42, 4]);
    expect(rejectionOf(() => parse(`sort=-name&page[after]=${forged}`)).parameter).toBe(
      'page[after]',
    );
  });

  it('keeps a null order in cursors, since nulls sort last', () => {
    const cursor = encodeCursor(parse('').sort, [null, 9]);
    expect(parse(`page[after]=${cursor}`).page.after).toEqual([null, 9]);
  });
});

describe('single-resource and parameterless endpoints', () => {
  it('accept only document-shaping parameters on GET one, POST and PATCH', () => {
    expect(
      parseDocumentQuery(new URLSearchParams('include=creator&provideAuthorizationMeta=true')),
    ).toMatchObject({
      includeCreator: true,
      authorizationMeta: true,
    });
    expect(rejectionOf(() => parseDocumentQuery(new URLSearchParams('sort=name'))).parameter).toBe(
      'sort',
    );
    expect(
      rejectionOf(() => parseDocumentQuery(new URLSearchParams('page[size]=2'))).parameter,
    ).toBe('page[size]');
  });

  it('rejects every parameter where none is supported', () => {
    expect(() => parseNoQuery(new URLSearchParams(''))).not.toThrow();
    expect(rejectionOf(() => parseNoQuery(new URLSearchParams('force=true'))).parameter).toBe(
      'force',
    );
  });

  it('users accept only fields[user]', () => {
    expect([...(parseUserQuery(new URLSearchParams('fields[user]=email')) ?? [])]).toEqual([
      'email',
    ]);
    expect(
      rejectionOf(() => parseUserQuery(new URLSearchParams('include=creator'))).parameter,
    ).toBe('include');
  });
});

import { describe, expect, it } from 'vitest';
import { callPurposeFromDocument, callPurposesFromDocument } from './toCallPurpose';

const demo = {
  type: 'callPurpose',
  id: 4,
  attributes: {
    name: 'Demo',
    order: 40,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
  },
  relationships: {
    creator: { data: { type: 'user', id: 2 } },
    calls: { links: { related: '/api/v2/calls?filter[callPurpose][id]=4' } },
  },
  links: { self: '/api/v2/callPurposes/4' },
  meta: { canWrite: true, canDelete: false },
};
const maria = {
  type: 'user',
  id: '2',
  attributes: { firstName: 'Maria', lastName: 'Chen', email: 'maria.chen@example.com' },
};

describe('the JSON:API adapter', () => {
  it('flattens a resource with its included creator', () => {
    expect(callPurposeFromDocument({ data: demo, included: [maria] })).toEqual({
      id: 4,
      name: 'Demo',
      order: 40,
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-21T10:00:00.000Z',
      creatorId: 2,
      creatorName: 'Maria Chen',
      canWrite: true,
      canDelete: false,
    });
  });

  it('copes with string ids, a null order, no creator and no authorization meta', () => {
    const bare = {
      type: 'callPurpose',
      id: '9',
      attributes: { name: 'Bare', order: null, createdAt: 'c', updatedAt: 'u' },
      relationships: { creator: { data: null } },
    };
    expect(callPurposesFromDocument({ data: [bare] })).toEqual([
      {
        id: 9,
        name: 'Bare',
        order: null,
        createdAt: 'c',
        updatedAt: 'u',
        creatorId: null,
        creatorName: null,
        canWrite: false,
        canDelete: false,
      },
    ]);
  });

  it('keeps the creator id when the user was not included', () => {
    const [purpose] = callPurposesFromDocument({ data: [demo] });
    expect(purpose).toMatchObject({ creatorId: 2, creatorName: null });
  });
});

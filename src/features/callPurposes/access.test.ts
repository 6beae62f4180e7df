import { describe, expect, it } from 'vitest';
import type { Session } from '../../lib/session';
import { listAccess } from './access';
import type { CallPurpose } from './types';

const session = (scopes: string[]): Session => ({
  user: { id: 1, name: 'Alex Morgan', email: 'alex.morgan@example.com' },
  scopes,
  expiresAt: '2030-01-01T00:00:00.000Z',
});

const purpose = (rights: Partial<CallPurpose>): CallPurpose => ({
  id: 1,
  name: 'Demo',
  order: 10,
  createdAt: '',
  updatedAt: '',
  creatorId: 1,
  creatorName: 'Alex Morgan',
  canWrite: false,
  canDelete: false,
  ...rights,
});

describe('listAccess', () => {
  it('lets a user with a writing scope and some rights create', () => {
    const purposes = [purpose({ canWrite: true }), purpose({ id: 2 })];
    expect(listAccess(session(['callPurposes.all']), purposes)).toEqual({
      mayCreate: true,
      isViewOnly: false,
      showLocks: true,
      mayReadCalls: false,
    });
    expect(
      listAccess(session(['callPurposes.write', 'callPurposes.read']), purposes).mayCreate,
    ).toBe(true);
  });

  it('treats a read-only scope as view-only', () => {
    expect(listAccess(session(['callPurposes.read']), [purpose({ canWrite: true })])).toEqual({
      mayCreate: false,
      isViewOnly: true,
      showLocks: false,
      mayReadCalls: false,
    });
  });

  it('treats a role that may touch nothing as view-only, whatever the scope', () => {
    expect(listAccess(session(['callPurposes.all']), [purpose({}), purpose({ id: 2 })])).toEqual({
      mayCreate: false,
      isViewOnly: true,
      showLocks: false,
      mayReadCalls: false,
    });
  });

  it('decides from scopes alone while the list is loading or empty', () => {
    expect(listAccess(session(['callPurposes.all']), undefined).mayCreate).toBe(true);
    expect(listAccess(session(['callPurposes.all']), []).mayCreate).toBe(true);
  });

  it('marks locks only for a user who may change some purposes, and reads calls with the scope', () => {
    const purposes = [purpose({ canWrite: true }), purpose({ id: 2 })];
    expect(listAccess(session(['callPurposes.all', 'calls.read']), purposes)).toMatchObject({
      showLocks: true,
      mayReadCalls: true,
    });
    expect(listAccess(session(['callPurposes.all', 'calls.all']), purposes).mayReadCalls).toBe(
      true,
    );
    expect(
      listAccess(session(['callPurposes.all']), [purpose({ canWrite: true, canDelete: true })]),
    ).toMatchObject({ showLocks: true });
  });
});

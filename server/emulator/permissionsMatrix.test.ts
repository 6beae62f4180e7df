// Authorization meta must be exact: for every role × scope × seeded purpose, meta.canWrite is
// true exactly when that token's PATCH succeeds and meta.canDelete exactly when its DELETE does.
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorDocument } from '../shared/jsonApiErrors';
import { SEEDED_PURPOSES } from '../../shared/seededPurposes';
import type { ListDocument, SingleDocument } from './test/documents';
import { purposeDocument, startEmulator, type Emulator } from './test/harness';

const ROLES = ['admin', 'manager', 'agent'] as const;
const SCOPES = [
  'callPurposes.all',
  'callPurposes.read callPurposes.write',
  'callPurposes.read callPurposes.delete',
  'callPurposes.read',
];

// What DESIGN.md's role table says, written out independently of the implementation.
function expected(role: string, scope: string, purpose: (typeof SEEDED_PURPOSES)[number]) {
  const write = scope.includes('.all') || scope.includes('.write');
  const remove = scope.includes('.all') || scope.includes('.delete');
  const roleEdits = role === 'admin' || (role === 'manager' && !purpose.locked);
  const roleDeletes =
    role === 'admin' || (role === 'manager' && !purpose.locked && purpose.creatorId === 2);
  return {
    canWrite: write && roleEdits,
    canDelete: remove && roleDeletes,
    canCreate: write && role !== 'agent',
  };
}

const open: Emulator[] = [];
afterAll(async () => {
  await Promise.all(open.map((emulator) => emulator.close()));
});

describe.each(ROLES)('%s', (role) => {
  it.each(SCOPES)(
    'with scope "%s": meta matches the outcome of PATCH, DELETE and POST',
    async (scope) => {
      const emulator = await startEmulator();
      open.push(emulator);
      const token = emulator.token(role, scope);
      const list = await emulator.request({
        method: 'GET',
        url: '/api/v2/callPurposes?provideAuthorizationMeta=true',
        token,
      });
      expect(list.statusCode).toBe(200);
      const metaById = new Map(list.json<ListDocument>().data.map((r) => [r.id, r.meta]));

      for (const purpose of SEEDED_PURPOSES) {
        const meta = metaById.get(purpose.id);
        const single = await emulator.request({
          method: 'GET',
          url: `/api/v2/callPurposes/${purpose.id}?provideAuthorizationMeta=true`,
          token,
        });
        expect(single.json<SingleDocument>().data.meta).toEqual(meta);

        const patch = await emulator.request({
          method: 'PATCH',
          url: `/api/v2/callPurposes/${purpose.id}`,
          token,
          json: purposeDocument(
            { name: `${purpose.name} (edited)`, order: purpose.order + 1 },
            purpose.id,
          ),
        });
        const del = await emulator.request({
          method: 'DELETE',
          url: `/api/v2/callPurposes/${purpose.id}`,
          token,
        });
        const outcome = { canWrite: patch.statusCode === 200, canDelete: del.statusCode === 204 };
        const context = `${role} / ${scope} / #${purpose.id} ${purpose.name}`;
        expect(meta, context).toEqual(outcome);
        expect(outcome, context).toEqual({
          canWrite: expected(role, scope, purpose).canWrite,
          canDelete: expected(role, scope, purpose).canDelete,
        });
        // A refusal is always a 403 with the right id: scope first, then role.
        for (const response of [patch, del]) {
          if (response.statusCode >= 400) {
            expect(response.statusCode, context).toBe(403);
            expect(['unauthorizedOauthScope', 'unauthorizedRequest']).toContain(
              response.json<ErrorDocument>().errors[0]?.id,
            );
          }
        }
      }

      const create = await emulator.request({
        method: 'POST',
        url: '/api/v2/callPurposes',
        token,
        json: purposeDocument({ name: 'Matrix' }),
      });
      expect(create.statusCode === 201).toBe(expected(role, scope, SEEDED_PURPOSES[0]!).canCreate);
    },
  );
});

describe('a manager on purposes they create', () => {
  it('may edit and delete them, and the meta says so', async () => {
    const emulator = await startEmulator();
    open.push(emulator);
    const token = emulator.token('manager');
    const created = await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes?provideAuthorizationMeta=true',
      token,
      json: purposeDocument({ name: 'Mine' }),
    });
    expect(created.json<SingleDocument>().data.meta).toEqual({ canWrite: true, canDelete: true });
    // An admin-created one: editable but not deletable by the manager.
    const byAdmin = await emulator.request({
      method: 'POST',
      url: '/api/v2/callPurposes',
      token: emulator.token('admin'),
      json: purposeDocument({ name: 'Theirs' }),
    });
    const id = byAdmin.json<SingleDocument>().data.id;
    const meta = await emulator.request({
      method: 'GET',
      url: `/api/v2/callPurposes/${id}?provideAuthorizationMeta=true`,
      token,
    });
    expect(meta.json<SingleDocument>().data.meta).toEqual({ canWrite: true, canDelete: false });
    expect(
      (await emulator.request({ method: 'DELETE', url: `/api/v2/callPurposes/${id}`, token }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await emulator.request({
          method: 'DELETE',
          url: `/api/v2/callPurposes/${created.json<SingleDocument>().data.id}`,
          token,
        })
      ).statusCode,
    ).toBe(204);
  });
});

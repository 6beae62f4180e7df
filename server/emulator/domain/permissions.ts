/**
 * Who may do what (DESIGN.md "Roles in the emulator"). The same functions decide both the
 * authorization meta and the outcome of the write, which is what makes the meta exact.
 */
import type { Role } from './roles';
import { grantsScope } from '../../../shared/scopes';

/** What the rules read of a user and of a purpose; the stored rows carry more. */
type Actor = { id: number; role: Role };
type OwnedPurpose = { locked: boolean; creatorId: number | null };

/** Who asks, and with which granted scopes. */
export type Grant = { user: Actor; scopes: readonly string[] };

export function roleMayCreate(user: Actor): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

export function roleMayUpdate(user: Actor, purpose: OwnedPurpose): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'manager' && !purpose.locked;
}

export function roleMayDelete(user: Actor, purpose: OwnedPurpose): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'manager' && !purpose.locked && purpose.creatorId === user.id;
}

export function authorizationMeta(
  principal: Grant,
  purpose: OwnedPurpose,
): { canWrite: boolean; canDelete: boolean } {
  return {
    canWrite:
      grantsScope(principal.scopes, 'callPurposes', 'write') &&
      roleMayUpdate(principal.user, purpose),
    canDelete:
      grantsScope(principal.scopes, 'callPurposes', 'delete') &&
      roleMayDelete(principal.user, purpose),
  };
}

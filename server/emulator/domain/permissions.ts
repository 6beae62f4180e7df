/**
 * Who may do what (DESIGN.md "Roles in the emulator"). The same functions decide both the
 * authorization meta and the outcome of the write, which is what makes the meta exact.
 */
import type { CallPurposeRow } from '../repositories/callPurposes';
import type { UserRow } from '../repositories/users';
import { grantsScope } from './scopes';

export type Principal = { user: UserRow; scopes: readonly string[]; clientId: string };

export function roleMayCreate(user: UserRow): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

export function roleMayUpdate(user: UserRow, purpose: CallPurposeRow): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'manager' && !purpose.locked;
}

export function roleMayDelete(user: UserRow, purpose: CallPurposeRow): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'manager' && !purpose.locked && purpose.creatorId === user.id;
}

export function authorizationMeta(
  principal: Principal,
  purpose: CallPurposeRow,
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

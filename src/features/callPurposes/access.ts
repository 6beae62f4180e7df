import { canCreate, canReadCalls } from '../../lib/authorization';
import type { Session } from '../../lib/session';
import type { CallPurpose } from './types';

export type ListAccess = {
  /** Show "New call purpose". */
  mayCreate: boolean;
  /** Say plainly that this user can look but not change anything. */
  isViewOnly: boolean;
  /** Mark the rows this user may not change: they may change others, so the difference needs a why. */
  showLocks: boolean;
  /** The token may read logged calls, so a delete can say how many use the purpose. */
  mayReadCalls: boolean;
};

/**
 * Scopes say what the token may do; authorization meta says what the user's role may do. A user
 * with a writing scope who may touch no purpose at all (an agent) is treated as view-only, so
 * no write control appears; the server refuses their writes either way.
 */
export function listAccess(
  session: Session,
  purposes: readonly CallPurpose[] | undefined,
): ListAccess {
  const scopeAllowsWriting = canCreate(session);
  const roleWritesNothing =
    purposes !== undefined &&
    purposes.length > 0 &&
    purposes.every((purpose) => !purpose.canWrite && !purpose.canDelete);
  const isViewOnly = !scopeAllowsWriting || roleWritesNothing;
  return {
    mayCreate: !isViewOnly,
    isViewOnly,
    showLocks: !isViewOnly && (purposes ?? []).some((purpose) => purpose.canWrite),
    mayReadCalls: canReadCalls(session),
  };
}

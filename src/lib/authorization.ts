import { grantsScope } from '../../shared/scopes';
import type { Session } from './session';

/** Creating needs the write (or all) scope; whether the role allows it is the server's call. */
export function canCreate(session: Session): boolean {
  return grantsScope(session.scopes, 'callPurposes', 'write');
}

/** The token may read logged calls, so a delete can say how many use the purpose. */
export function canReadCalls(session: Session): boolean {
  return grantsScope(session.scopes, 'calls', 'read');
}

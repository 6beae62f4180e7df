import type { Session } from './session';

function hasScope(session: Session, ...accepted: string[]): boolean {
  return session.scopes.some((scope) => accepted.includes(scope));
}

/** Creating needs the write (or all) scope; whether the role allows it is the server's call. */
export function canCreate(session: Session): boolean {
  return hasScope(session, 'callPurposes.all', 'callPurposes.write');
}

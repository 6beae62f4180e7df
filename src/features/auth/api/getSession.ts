import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';

export type Session = {
  user: { id: number | string | null; name: string; email: string | null };
  scopes: string[];
  expiresAt: string;
};

export const sessionKeys = { all: ['session'] as const };

export function getSession(signal?: AbortSignal): Promise<Session> {
  return apiFetch<Session>('/auth/session', { signal });
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
    retry: false,
  });
}

function hasScope(session: Session, ...accepted: string[]): boolean {
  return session.scopes.some((scope) => accepted.includes(scope));
}

/** Creating needs the write (or all) scope; whether the role allows it is the server's call. */
export function canCreate(session: Session): boolean {
  return hasScope(session, 'callPurposes.all', 'callPurposes.write');
}

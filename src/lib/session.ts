// The signed-in session, shared by every feature (the header shows it, the list decides from its
// scopes what to offer): the auth feature signs in and out, but does not own who is signed in.
import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { SESSION_PATH } from '../../shared/firstPageRequests';
import { apiFetch } from './apiClient';

export type Session = {
  user: { id: number | string | null; name: string; email: string | null };
  scopes: string[];
  expiresAt: string;
};

export const sessionKeys = { all: ['session'] as const };

export function getSession(signal?: AbortSignal): Promise<Session> {
  return apiFetch<Session>(SESSION_PATH, { signal });
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
    retry: false,
  });
}

/** The signed-in session; only for components under <RequireSession>, where it is loaded. */
export function useSession(): Session {
  return useSuspenseQuery(sessionQueryOptions()).data;
}

/**
 * After a session ends (signed out, expired): forgets every answer given to that user, and keeps
 * only what the server tells everyone (queries with `meta.outlivesSession`, such as its config),
 * which the page still shows; removing it would cancel it in flight and leave it unanswered.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.meta?.outlivesSession !== true });
  queryClient.getMutationCache().clear();
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { sessionQueryOptions, type Session } from './getSession';

/** The signed-in session; only for components under <RequireSession>, where it is loaded. */
export function useSession(): Session {
  return useSuspenseQuery(sessionQueryOptions()).data;
}

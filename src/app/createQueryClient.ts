import { MutationCache, QueryCache, QueryClient, focusManager } from '@tanstack/react-query';
import { isApiError } from '../lib/apiError';
import { describeError, isRetryable } from '../lib/describeError';
import { toastStore } from '../lib/toast/toastStore';

type Handlers = {
  /** Any request answered 401: the session is gone. */
  onUnauthenticated: () => void;
};

const MAX_RETRIES = 2;

/**
 * Coming back to the page counts as focus whether it was another tab (visibilitychange, Query's
 * default) or another window (focus): the live list refreshes on either.
 */
function listenForFocus(onFocus: () => void): () => void {
  const listener = () => onFocus();
  window.addEventListener('visibilitychange', listener);
  window.addEventListener('focus', listener);
  return () => {
    window.removeEventListener('visibilitychange', listener);
    window.removeEventListener('focus', listener);
  };
}

export function createQueryClient({ onUnauthenticated }: Handlers): QueryClient {
  if (typeof window !== 'undefined') focusManager.setEventListener(listenForFocus);
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401) return onUnauthenticated();
        // A list already on screen stays there; the failed refresh is reported aside.
        if (query.state.data !== undefined) {
          toastStore.show(`Could not refresh: ${describeError(error)}`, {
            tone: 'error',
            action: { label: 'Retry', onClick: () => void queryClient.refetchQueries(query) },
          });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) onUnauthenticated();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => failureCount < MAX_RETRIES && isRetryable(error),
      },
      // A write runs now or fails now: TanStack Query would otherwise pause it while offline and
      // send it on reconnect, even after the person discarded the edit or left the page.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  return queryClient;
}

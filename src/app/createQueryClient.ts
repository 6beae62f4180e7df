import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/apiError';
import { describeError, isRetryable } from '../lib/describeError';
import { toastStore } from '../lib/toast/toastStore';

type Handlers = {
  /** Any request answered 401: the session is gone. */
  onUnauthenticated: () => void;
};

const MAX_RETRIES = 2;

export function createQueryClient({ onUnauthenticated }: Handlers): QueryClient {
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

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { isApiError } from '../../../lib/apiError';
import { describeError, isRetryable } from '../../../lib/describeError';
import { sessionKeys, sessionQueryOptions } from '../../../lib/session';
import { signInPath } from '../signInUrls';
import styles from './RequireSession.module.css';

const LONGEST_TIMER_MS = 2 ** 31 - 1;
/** While the server cannot tell (its sign-in storage is away, say), ask again this often. */
const RETRY_EVERY_MS = 3_000;

/** Renders its children only for a signed-in user; anyone else goes to sign-in and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useQuery({
    ...sessionQueryOptions(),
    refetchInterval: (query) => (isRetryable(query.state.error) ? RETRY_EVERY_MS : false),
  });
  const expiresAt = session.data?.expiresAt;

  // When the session's end comes, ask the server again rather than wait for a failed request.
  useEffect(() => {
    if (!expiresAt) return;
    const delay = Math.min(Date.parse(expiresAt) - Date.now() + 1_000, LONGEST_TIMER_MS);
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
      Math.max(delay, 0),
    );
    return () => clearTimeout(timer);
  }, [expiresAt, queryClient]);

  if (isApiError(session.error) && session.error.status === 401) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  if (session.data) return children;
  if (session.isError) {
    return (
      <div className={styles.centered}>
        <StatusMessage
          tone="error"
          action={<Button onClick={() => void session.refetch()}>Try again</Button>}
        >
          Could not check your sign-in. {describeError(session.error)}
          {isRetryable(session.error) && ' Trying again every few seconds.'}
        </StatusMessage>
      </div>
    );
  }
  return (
    <div className={styles.centered} role="status">
      Checking your sign-in…
    </div>
  );
}

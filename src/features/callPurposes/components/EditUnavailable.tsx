import type { UseQueryResult } from '@tanstack/react-query';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { isApiError } from '../../../lib/apiError';
import { describeError } from '../../../lib/describeError';
import type { CallPurpose } from '../types';
import { GONE_MESSAGE } from '../api/rethrowNotFoundAsGone';

type EditUnavailableProps = { query: UseQueryResult<CallPurpose>; onClose: () => void };

/** Why the edit form is not shown: still loading, gone, not allowed, or failed to load. */
export function EditUnavailable({ query, onClose }: EditUnavailableProps) {
  const closeButton = <Button onClick={onClose}>Back to the list</Button>;

  if (query.isError) {
    const gone = isApiError(query.error) && query.error.status === 404;
    return (
      <StatusMessage tone="error" action={closeButton}>
        {gone ? GONE_MESSAGE : `Could not load this call purpose. ${describeError(query.error)}`}
      </StatusMessage>
    );
  }
  if (query.data && !query.data.canWrite) {
    return (
      <StatusMessage tone="info" action={closeButton}>
        You are not allowed to edit “<bdi>{query.data.name}</bdi>”.
      </StatusMessage>
    );
  }
  return <p role="status">Loading…</p>;
}

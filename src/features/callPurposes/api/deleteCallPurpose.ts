import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../../../hooks/useToast';
import { apiFetch } from '../../../lib/apiClient';
import { describeError, isRetryable } from '../../../lib/describeError';
import type { CallPurpose } from '../types';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { callPurposeKeys } from './callPurposeKeys';
import { callPurposesQueryOptions } from './getCallPurposes';
import { isolate } from '../../../lib/isolate';

export function deleteCallPurpose(id: number): Promise<void> {
  return apiFetch<void>(callPurposeApiPaths.deletion(id), { method: 'DELETE' });
}

/**
 * Optimistic delete: the row leaves the list at once and comes back, with the reason in a
 * toast, if the server refuses. Reporting lives here because the confirming dialog is gone
 * by the time the server answers.
 */
export function useDeleteCallPurpose() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const listKey = callPurposesQueryOptions().queryKey;
  const deletion = useMutation({
    mutationFn: (purpose: CallPurpose) => deleteCallPurpose(purpose.id),
    onMutate: async (purpose) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const previous = queryClient.getQueryData(listKey);
      queryClient.setQueryData(listKey, (list) => list?.filter((item) => item.id !== purpose.id));
      return { previous };
    },
    onError: (error, purpose, context) => {
      if (context?.previous) queryClient.setQueryData(listKey, context.previous);
      toast.show(`Could not delete “${isolate(purpose.name)}”: ${describeError(error)}`, {
        tone: 'error',
        action: isRetryable(error)
          ? { label: 'Retry', onClick: () => deletion.mutate(purpose) }
          : undefined,
      });
    },
    onSuccess: (_data, purpose) => {
      queryClient.removeQueries({ queryKey: callPurposeKeys.detail(purpose.id) });
      toast.show(`Deleted “${isolate(purpose.name)}”.`, { tone: 'success' });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listKey }),
  });
  return deletion;
}

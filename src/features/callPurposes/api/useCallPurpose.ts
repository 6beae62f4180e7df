import { useQuery, useQueryClient } from '@tanstack/react-query';
import { callPurposeQueryOptions } from './getCallPurpose';
import { callPurposesQueryOptions } from './getCallPurposes';

/** One purpose, shown at once from the list already loaded and refreshed from the server. */
export function useCallPurpose(id: number) {
  const queryClient = useQueryClient();
  const listKey = callPurposesQueryOptions().queryKey;
  return useQuery({
    ...callPurposeQueryOptions(id),
    initialData: () => queryClient.getQueryData(listKey)?.find((purpose) => purpose.id === id),
    initialDataUpdatedAt: () => queryClient.getQueryState(listKey)?.dataUpdatedAt,
  });
}

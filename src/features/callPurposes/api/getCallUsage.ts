import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { callPurposeKeys } from './callPurposeKeys';

export async function getCallUsage(purposeId: number, signal?: AbortSignal): Promise<number> {
  const page = await apiFetch<{ meta?: { count?: unknown } }>(
    callPurposeApiPaths.usage(purposeId),
    {
      signal,
    },
  );
  const count = page.meta?.count;
  if (typeof count !== 'number') throw new Error('The calls list came without a count.');
  return count;
}

export function callUsageQueryOptions(purposeId: number) {
  return queryOptions({
    queryKey: callPurposeKeys.usage(purposeId),
    queryFn: ({ signal }) => getCallUsage(purposeId, signal),
    // Asked once each time a delete dialog opens: a fresh count, one request, no retries.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

/** The usage of a purpose, when the token may read calls (`enabled`); otherwise never asked. */
export function useCallUsage(purposeId: number, enabled: boolean) {
  return useQuery({ ...callUsageQueryOptions(purposeId), enabled });
}

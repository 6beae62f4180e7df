import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';
import type { JsonApiDocument, Resource } from '../../../lib/jsonApi';
import type { CallPurpose } from '../types';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { callPurposeKeys } from './callPurposeKeys';
import { callPurposesQueryOptions } from './getCallPurposes';
import { callPurposeFromDocument } from './toCallPurpose';

export async function getCallPurpose(id: number, signal?: AbortSignal): Promise<CallPurpose> {
  const document: JsonApiDocument<Resource> = await apiFetch(callPurposeApiPaths.one(id), {
    signal,
  });
  return callPurposeFromDocument(document);
}

export function callPurposeQueryOptions(id: number) {
  return queryOptions({
    queryKey: callPurposeKeys.detail(id),
    queryFn: ({ signal }) => getCallPurpose(id, signal),
    // A purpose that is gone stays gone: no point asking three times.
    retry: false,
  });
}

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

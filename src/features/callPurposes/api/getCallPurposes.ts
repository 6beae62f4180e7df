import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';
import { toProxiedApiPath, type JsonApiDocument, type Resource } from '../../../lib/jsonApi';
import { sortForDisplay } from '../displayOrder';
import type { CallPurpose } from '../types';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { callPurposeKeys } from './callPurposeKeys';
import { callPurposesFromDocument } from './toCallPurpose';

/** Every call purpose, following `links.next` to the end, in display order. */
export async function getCallPurposes(signal?: AbortSignal): Promise<CallPurpose[]> {
  const purposes: CallPurpose[] = [];
  let path: string | null = callPurposeApiPaths.list();
  while (path !== null) {
    const page: JsonApiDocument<Resource[]> = await apiFetch(path, { signal });
    purposes.push(...callPurposesFromDocument(page));
    const next = page.links?.next;
    path = typeof next === 'string' && next !== '' ? toProxiedApiPath(next) : null;
  }
  return sortForDisplay(purposes);
}

/**
 * The list's query. Its `queryKey` is typed with the data, so code outside components (the
 * reorder controller, the mutations) reads and writes the cached list through it, typed.
 */
export function callPurposesQueryOptions() {
  return queryOptions({
    queryKey: callPurposeKeys.list(),
    queryFn: ({ signal }) => getCallPurposes(signal),
  });
}

/** The whole list, in display order, for any component that shows or compares with it. */
export function useCallPurposes() {
  return useQuery(callPurposesQueryOptions());
}

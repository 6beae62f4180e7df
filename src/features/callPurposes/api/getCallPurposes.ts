import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';
import { toProxiedApiPath, type JsonApiDocument, type Resource } from '../../../lib/jsonApi';
import { sortForDisplay } from '../displayOrder';
import type { CallPurpose } from '../types';
import { callPurposeKeys } from './callPurposeKeys';
import { callPurposesFromDocument } from './toCallPurpose';

export const CALL_PURPOSES_FIRST_PAGE =
  '/api/v2/callPurposes?provideAuthorizationMeta=true&include=creator&page%5Bsize%5D=1000';

/** Every call purpose, following `links.next` to the end, in display order. */
export async function getCallPurposes(signal?: AbortSignal): Promise<CallPurpose[]> {
  const purposes: CallPurpose[] = [];
  let path: string | null = CALL_PURPOSES_FIRST_PAGE;
  while (path !== null) {
    const page: JsonApiDocument<Resource[]> = await apiFetch(path, { signal });
    purposes.push(...callPurposesFromDocument(page));
    const next = page.links?.next;
    path = typeof next === 'string' && next !== '' ? toProxiedApiPath(next) : null;
  }
  return sortForDisplay(purposes);
}

export function callPurposesQueryOptions() {
  return queryOptions({
    queryKey: callPurposeKeys.list(),
    queryFn: ({ signal }) => getCallPurposes(signal),
  });
}

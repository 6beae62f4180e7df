import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';
import type { JsonApiDocument, Resource } from '../../../lib/jsonApi';
import type { CallPurpose } from '../types';
import { callPurposeKeys } from './callPurposeKeys';
import { callPurposeFromDocument } from './toCallPurpose';

export async function getCallPurpose(id: number, signal?: AbortSignal): Promise<CallPurpose> {
  const document: JsonApiDocument<Resource> = await apiFetch(
    `/api/v2/callPurposes/${id}?provideAuthorizationMeta=true&include=creator`,
    { signal },
  );
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

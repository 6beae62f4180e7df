import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';
import type { JsonApiDocument, Resource } from '../../../lib/jsonApi';
import type { CallPurpose } from '../types';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { callPurposeKeys } from './callPurposeKeys';
import { callPurposeFromDocument } from './toCallPurpose';

export type CallPurposeChanges = { name?: string; order?: number };

/** PATCH only the named attributes; answers the purpose as the server now holds it. */
export async function updateCallPurpose(
  id: number,
  attributes: CallPurposeChanges,
  signal?: AbortSignal,
): Promise<CallPurpose> {
  const document: JsonApiDocument<Resource> = await apiFetch(callPurposeApiPaths.one(id), {
    method: 'PATCH',
    body: { data: { type: 'callPurpose', id, attributes } },
    signal,
  });
  return callPurposeFromDocument(document);
}

/** The edit form's mutation: resolves once the list and the detail show the server's answer. */
export function useUpdateCallPurpose(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attributes: CallPurposeChanges) => updateCallPurpose(id, attributes),
    onSuccess: async (purpose) => {
      queryClient.setQueryData(callPurposeKeys.detail(id), purpose);
      await queryClient.invalidateQueries({ queryKey: callPurposeKeys.list() });
    },
  });
}

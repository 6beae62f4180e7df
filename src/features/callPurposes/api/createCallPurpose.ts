import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';
import type { JsonApiDocument, Resource } from '../../../lib/jsonApi';
import type { CallPurpose, CallPurposeInput } from '../types';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { callPurposeKeys } from './callPurposeKeys';
import { callPurposeFromDocument } from './toCallPurpose';

/** POST without `order`: the server puts the new purpose last. */
export async function createCallPurpose(input: CallPurposeInput): Promise<CallPurpose> {
  const document: JsonApiDocument<Resource> = await apiFetch(callPurposeApiPaths.create(), {
    method: 'POST',
    body: { data: { type: 'callPurpose', attributes: input } },
  });
  return callPurposeFromDocument(document);
}

export function useCreateCallPurpose() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCallPurpose,
    onSuccess: async (purpose) => {
      queryClient.setQueryData(callPurposeKeys.detail(purpose.id), purpose);
      await queryClient.invalidateQueries({ queryKey: callPurposeKeys.list() });
    },
  });
}

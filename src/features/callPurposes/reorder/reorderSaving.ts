import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * Whether a reorder is saving, per QueryClient. The reorder code registers its controller here
 * when it arrives (only for someone who may reorder); the live list, which everyone has, asks
 * without having to load that code: before it has arrived, nothing is saving.
 */
const probes = new WeakMap<QueryClient, () => boolean>();

export function registerReorderSaving(queryClient: QueryClient, isSaving: () => boolean): void {
  probes.set(queryClient, isSaving);
}

/**
 * Whether a reorder is saving, as a function to ask at any moment (not a rendered value): the
 * live list asks it before refetching, when a render may not have caught up yet.
 */
export function useReorderSaving(): () => boolean {
  const queryClient = useQueryClient();
  return useCallback(() => probes.get(queryClient)?.() ?? false, [queryClient]);
}

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * Whether a reorder is saving, per QueryClient. The reorder code registers its controller here
 * when it arrives (only for someone who may reorder); the live list, which everyone has, asks
 * without having to load that code: before it has arrived, nothing is saving.
 */
const probes = new WeakMap<QueryClient, () => boolean>();
/** The drags under way, per QueryClient: a refetch mid-drag would move rows under the user. */
const drags = new WeakMap<QueryClient, Set<() => boolean>>();

export function registerReorderSaving(queryClient: QueryClient, isSaving: () => boolean): void {
  probes.set(queryClient, isSaving);
}

/** A list's drag, asked about with the saving; returns the way to stop asking. */
export function registerReorderDrag(queryClient: QueryClient, isDragging: () => boolean) {
  const registered = drags.get(queryClient) ?? new Set<() => boolean>();
  drags.set(queryClient, registered);
  registered.add(isDragging);
  return () => void registered.delete(isDragging);
}

/**
 * Whether a reorder is saving or a row is being dragged, as a function to ask at any moment (not
 * a rendered value): the live list asks it before refetching, when a render may not have caught
 * up yet.
 */
export function useReorderBusy(): () => boolean {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      (probes.get(queryClient)?.() ?? false) ||
      [...(drags.get(queryClient) ?? [])].some((isDragging) => isDragging()),
    [queryClient],
  );
}

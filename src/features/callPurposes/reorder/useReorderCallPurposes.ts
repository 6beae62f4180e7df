import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useToast } from '../../../hooks/useToast';
import { updateCallPurpose } from '../api/updateCallPurpose';
import type { ReorderIntent } from './intents';
import { createReorderController, type ReorderController } from './reorderController';
import { registerReorderSaving } from './reorderSaving';

const controllers = new WeakMap<QueryClient, ReorderController>();

/** One controller, hence one write queue, per QueryClient: every list on screen shares it. */
function controllerFor(queryClient: QueryClient): ReorderController {
  const existing = controllers.get(queryClient);
  if (existing !== undefined) return existing;
  const controller = createReorderController({
    queryClient,
    writeOrder: (id, order) => updateCallPurpose(id, { order }),
  });
  controllers.set(queryClient, controller);
  registerReorderSaving(queryClient, () => controller.saving);
  return controller;
}

/**
 * Reorders call purposes: `reorder(intent)` shows the new order at once (in the query cache),
 * saves it with the fewest PATCHes, then shows what the server holds, with a toast for anything
 * that went wrong and Undo after each. `undoLatest()` runs the latest Undo while it is offered.
 * `saving` is true while writes are queued or in flight.
 */
export function useReorderCallPurposes() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const controller = controllerFor(queryClient);
  const saving = useSyncExternalStore(controller.subscribe, () => controller.saving);
  const reorder = useCallback(
    (intent: ReorderIntent) =>
      controller.request(intent, (message, options) => toast.show(message, options)),
    [controller, toast],
  );
  const undoLatest = useCallback(() => controller.undoLatest(), [controller]);
  return { reorder, undoLatest, saving };
}

import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useToast } from '../../../hooks/useToast';
import { updateCallPurpose } from '../api/updateCallPurpose';
import type { ReorderIntent } from './intents';
import { REORDER_MUTATION_KEY, createReorderController } from './reorderController';

/**
 * Reorders call purposes: `reorder(intent)` shows the new order at once (in the query cache),
 * saves it with the fewest PATCHes, then shows what the server holds, with a toast for anything
 * that went wrong and Undo after each (Redo after an Undo). `undoLatest()` and `redoLatest()` run
 * the latest toast's Undo or Redo while it offers one.
 * `saving` is true while reorders are queued or writing.
 */
export function useReorderCallPurposes() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [controller] = useState(() =>
    createReorderController({
      queryClient,
      writeOrder: (id, order) => updateCallPurpose(id, { order }),
    }),
  );
  const saving = useIsMutating({ mutationKey: REORDER_MUTATION_KEY }) > 0;
  const reorder = useCallback(
    (intent: ReorderIntent) =>
      controller.request(intent, (message, options) => toast.show(message, options)),
    [controller, toast],
  );
  const undoLatest = useCallback(() => controller.undoLatest(), [controller]);
  const redoLatest = useCallback(() => controller.redoLatest(), [controller]);
  return { reorder, undoLatest, redoLatest, saving };
}

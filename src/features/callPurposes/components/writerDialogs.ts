import { whenIdle } from '../../../lib/afterPaint';

// The dialogs that change the list, each a chunk of its own: a read-only user never fetches
// them, and nobody waits for them before the list shows.
export const loadCreateDialog = () => import('./CreateCallPurposeDialog');
export const loadEditDialog = () => import('./EditCallPurposeDialog');
export const loadDeleteDialog = () => import('./DeleteCallPurposeDialog');
export const loadAddSeveralDialog = () => import('../addSeveral/AddSeveralDialog');

/** Which of the writers' dialogs this user may open, as the list on screen says. */
export type WriterDialogs = { create: boolean; edit: boolean; delete: boolean };

/**
 * Once the list is on screen and the browser is idle, fetches the dialogs this user may open,
 * so a click opens one at once. Returns the way to call it off.
 */
export function prefetchWriterDialogs(may: WriterDialogs): () => void {
  const loads = [
    ...(may.create ? [loadCreateDialog, loadAddSeveralDialog] : []),
    ...(may.edit ? [loadEditDialog] : []),
    ...(may.delete ? [loadDeleteDialog] : []),
  ];
  if (loads.length === 0) return () => undefined;
  return whenIdle(() => {
    // A failed prefetch costs nothing: opening the dialog fetches it again.
    for (const load of loads) load().catch(() => undefined);
  });
}

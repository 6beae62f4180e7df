import { useEffect } from 'react';

/** Where Ctrl+Z belongs to something else: text being typed, a dialog, a handle mid-drag. */
function isOwnedElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="dialog"], [aria-pressed="true"]') !== null;
}

/**
 * Ctrl+Z (Cmd+Z on a Mac) on the list page runs `undo` — the latest reorder's Undo while it is
 * offered — and Ctrl+Shift+Z runs `redo`, the Redo offered after an Undo. Left alone in a text
 * field, so the field's own undo still works.
 */
export function useUndoShortcut(undo: () => boolean, redo: () => boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || event.altKey) return;
      if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (isOwnedElsewhere(event.target)) return;
      if ((event.shiftKey ? redo : undo)()) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
}

import { useCallback, useEffect, useRef } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';

/** A navigation held back while the user decides; `proceed` lets it go, `reset` drops it. */
export type HeldNavigation = { proceed: () => void; reset: () => void };

/**
 * Asks before leaving a form with unsaved changes: every navigation that changes the page (the
 * dialog's close, Cancel and Escape, links, the browser's Back and Forward) is held back by
 * React Router's `useBlocker` while `held` is set (render its dialog); reloads and tab closes ask
 * through beforeunload. Call `allowNextNavigation()` right before navigating away after a save.
 */
export function useUnsavedChangesPrompt(hasUnsavedChanges: boolean) {
  const allowed = useRef(false);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      hasUnsavedChanges && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
    [hasUnsavedChanges],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsavedChanges]);

  const allowNextNavigation = useCallback(() => {
    allowed.current = true;
  }, []);

  const held: HeldNavigation | null =
    blocker.state === 'blocked' ? { proceed: blocker.proceed, reset: blocker.reset } : null;

  return { held, allowNextNavigation };
}

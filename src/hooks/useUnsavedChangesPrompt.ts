import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { HistoryContext } from '../lib/historyContext';

/** A navigation held back while the user decides; `proceed` lets it go, `reset` drops it. */
export type HeldNavigation = { proceed: () => void; reset: () => void };

/**
 * Asks before leaving a form with unsaved changes: every navigation that changes the page (the
 * dialog's close, Cancel and Escape, links, the browser's Back and Forward) is held back through
 * the app's history while `held` is set (render its dialog); reloads and tab closes ask through
 * beforeunload. Call `allowNextNavigation()` right before navigating away after a successful save.
 */
export function useUnsavedChangesPrompt(hasUnsavedChanges: boolean) {
  const history = useContext(HistoryContext);
  const allowed = useRef(false);
  const [retry, setRetry] = useState<(() => void) | null>(null);

  useEffect(() => {
    if (!hasUnsavedChanges || history === null) return;
    return history.block(({ from, to }, proceed) => {
      if (allowed.current || from.pathname === to.pathname) return false;
      setRetry(() => proceed);
      return true;
    });
  }, [hasUnsavedChanges, history]);

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
    retry === null
      ? null
      : {
          proceed: () => {
            setRetry(null);
            retry();
          },
          reset: () => setRetry(null),
        };

  return { held, allowNextNavigation };
}

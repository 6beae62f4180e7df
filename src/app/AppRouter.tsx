import { startTransition, useLayoutEffect, useState, type ReactNode } from 'react';
import { Router } from 'react-router';
import type { BlockableHistory } from '../lib/blockableHistory';
import { HistoryContext } from '../lib/historyContext';

/**
 * React Router in declarative mode over the app's own history (what `<BrowserRouter>` does,
 * with a history that can hold a navigation back for an unsaved form).
 */
export function AppRouter({
  history,
  children,
}: {
  history: BlockableHistory;
  children: ReactNode;
}) {
  const [state, setState] = useState(() => ({
    action: history.action,
    location: history.location,
  }));
  // As <BrowserRouter>: a page whose code is still loading keeps the previous one on screen.
  useLayoutEffect(
    () => history.listen((update) => startTransition(() => setState(update))),
    [history],
  );
  return (
    <HistoryContext.Provider value={history}>
      <Router location={state.location} navigationType={state.action} navigator={history}>
        {children}
      </Router>
    </HistoryContext.Provider>
  );
}

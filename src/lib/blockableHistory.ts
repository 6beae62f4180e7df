// The browser history the app's <Router> navigates with, able to hold a navigation back (an
// unsaved form asks first). React Router's data router has this built in (`useBlocker`), but it
// cost the first page about 16 KB gzip more than declarative routing, on a page that must stay
// under 105 KB; holding navigations back was the one data-router feature the app needed.
import {
  createPath,
  NavigationType,
  parsePath,
  type Location,
  type Navigator,
  type To,
} from 'react-router';

export type HistoryUpdate = { action: NavigationType; location: Location };

/**
 * Asked before each navigation, in-app or Back/Forward: true holds it back. `retry` lets the
 * held navigation go ahead later, without asking again.
 */
export type NavigationBlocker = (
  transition: { from: Location; to: Location },
  retry: () => void,
) => boolean;

export type BlockableHistory = Navigator & {
  readonly action: NavigationType;
  readonly location: Location;
  /** One listener (the router); returns the way to stop listening. */
  listen(listener: (update: HistoryUpdate) => void): () => void;
  /** One blocker at a time; returns the way to remove it. */
  block(blocker: NavigationBlocker): () => void;
};

/** What each entry keeps in `history.state` (React Router's own layout, so either can read it). */
type EntryState = { usr: unknown; key: string; idx: number };

function entryOf(state: unknown): Partial<EntryState> {
  return typeof state === 'object' && state !== null ? state : {};
}

export function createBlockableHistory(win: Window = window): BlockableHistory {
  const native = win.history;
  const readLocation = (): Location => {
    const { usr, key } = entryOf(native.state);
    const { pathname, search, hash } = win.location;
    return { pathname, search, hash, state: usr ?? null, key: key ?? 'default' };
  };
  // Each entry's index lets a Back or Forward be measured, and so undone if it is held back.
  let index = entryOf(native.state).idx ?? -1;
  if (index === -1) {
    index = 0;
    native.replaceState({ ...entryOf(native.state), idx: 0 }, '');
  }
  let action = NavigationType.Pop;
  let location = readLocation();
  let listener: ((update: HistoryUpdate) => void) | null = null;
  let blocker: NavigationBlocker | null = null;
  /** The index a held-back Back/Forward is being returned to: that popstate is ours. */
  let returningTo: number | null = null;
  /** A held-back Back/Forward the user let go: its popstate is not asked about again. */
  let letThrough = false;

  const commit = (nextAction: NavigationType) => {
    action = nextAction;
    location = readLocation();
    listener?.({ action, location });
  };

  const change = (kind: 'push' | 'replace', to: To, state: unknown, asked: boolean) => {
    const path = typeof to === 'string' ? parsePath(to) : to;
    const next: Location = {
      pathname: location.pathname,
      search: '',
      hash: '',
      ...path,
      state: state ?? null,
      key: Math.random().toString(36).slice(2, 10),
    };
    const retry = () => change(kind, to, state, true);
    if (!asked && blocker?.({ from: location, to: next }, retry)) return;
    const idx = kind === 'push' ? index + 1 : index;
    const entry: EntryState = { usr: next.state, key: next.key, idx };
    if (kind === 'push') native.pushState(entry, '', createPath(next));
    else native.replaceState(entry, '', createPath(next));
    index = idx;
    commit(kind === 'push' ? NavigationType.Push : NavigationType.Replace);
  };

  const onPopState = () => {
    const idx = entryOf(native.state).idx ?? null;
    if (returningTo !== null && idx === returningTo) {
      returningTo = null;
      return;
    }
    const delta = idx === null ? 0 : idx - index;
    if (!letThrough && delta !== 0 && blocker) {
      const retry = () => {
        letThrough = true;
        native.go(delta);
      };
      if (blocker({ from: location, to: readLocation() }, retry)) {
        // The address bar has already moved: put it back until the user decides.
        returningTo = index;
        native.go(-delta);
        return;
      }
    }
    letThrough = false;
    if (idx !== null) index = idx;
    commit(NavigationType.Pop);
  };

  return {
    get action() {
      return action;
    },
    get location() {
      return location;
    },
    listen(next) {
      listener = next;
      win.addEventListener('popstate', onPopState);
      return () => {
        win.removeEventListener('popstate', onPopState);
        listener = null;
      };
    },
    block(next) {
      blocker = next;
      return () => {
        if (blocker === next) blocker = null;
      };
    },
    createHref: (to) => (typeof to === 'string' ? to : createPath(to)),
    push: (to, state) => change('push', to, state, false),
    replace: (to, state) => change('replace', to, state, false),
    go: (delta) => native.go(delta),
  };
}

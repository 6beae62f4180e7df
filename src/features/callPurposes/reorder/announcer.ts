import { useSyncExternalStore } from 'react';

/** What the list's live region says; only the region re-renders when it changes. */
export type Announcer = {
  say: (text: string) => void;
  get: () => string;
  subscribe: (listener: () => void) => () => void;
};

export function createAnnouncer(): Announcer {
  let text = '';
  const listeners = new Set<() => void>();
  return {
    say(next) {
      text = next;
      for (const listener of listeners) listener();
    },
    get: () => text,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useAnnouncement(announcer: Announcer): string {
  return useSyncExternalStore(announcer.subscribe, announcer.get);
}

import { createStore, useStoreSelector, type Store } from '../../../lib/store';

/** What the list's live region says; only the region re-renders when it changes. */
export type Announcer = Store<string>;

export const createAnnouncer = (): Announcer => createStore('');

export const useAnnouncement = (announcer: Announcer) =>
  useStoreSelector(announcer, (text) => text, '');

import { useSyncExternalStore } from 'react';

/**
 * A value outside React that components read through a selector: a change re-renders only the
 * components whose selected value changed (a drag event moves a few rows, not the whole list).
 */
export type Store<T> = {
  get: () => T;
  set: (next: T) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const never = () => () => undefined;

/** `select(store.get())`, re-rendering only when it changes; `fallback` without a store. */
export function useStoreSelector<T, S>(
  store: Store<T> | null,
  select: (value: T) => S,
  fallback: S,
): S {
  return useSyncExternalStore(store?.subscribe ?? never, () =>
    store === null ? fallback : select(store.get()),
  );
}

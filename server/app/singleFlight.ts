// One operation in flight per key: callers that arrive while it runs share its promise. The
// app server refreshes each session's access token through this, so N concurrent requests cost
// one token grant (Outreach allows one per user a minute). In-process only: across app servers,
// the session store's lock decides which one refreshes (see auth/sessions.ts).
export interface SingleFlight<K, V> {
  run(key: K, operation: () => Promise<V>): Promise<V>;
  inFlight(key: K): boolean;
}

export function createSingleFlight<K, V>(): SingleFlight<K, V> {
  const running = new Map<K, Promise<V>>();
  return {
    run(key, operation) {
      const existing = running.get(key);
      if (existing !== undefined) return existing;
      const promise = (async () => {
        try {
          return await operation();
        } finally {
          running.delete(key);
        }
      })();
      running.set(key, promise);
      return promise;
    },
    inFlight(key) {
      return running.has(key);
    },
  };
}

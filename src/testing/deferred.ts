// Test helpers for code that waits on promises: a promise the test settles by hand (Node 20 has
// no Promise.withResolvers), and a macrotask tick that lets pending callbacks run.

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

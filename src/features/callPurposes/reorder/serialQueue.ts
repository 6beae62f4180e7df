export type SerialQueue = {
  /** Runs `job` after every job queued before it has settled; starts it at once when idle. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs queued or running. */
  readonly size: number;
};

/**
 * One job at a time, in arrival order. A reorder planned while another's writes are in flight
 * would be planned against orders the server does not hold yet, so it waits instead.
 */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  let size = 0;

  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      // Starting synchronously when idle lets the first job write its optimistic state in the
      // same task as the drop, so the browser never paints the old order in between.
      const start = () => new Promise<T>((resolve) => resolve(job()));
      const idle = size === 0;
      size += 1;
      const result = idle ? start() : tail.then(start);
      tail = result.then(
        () => {
          size -= 1;
        },
        () => {
          size -= 1;
        },
      );
      return result;
    },
    get size() {
      return size;
    },
  };
}

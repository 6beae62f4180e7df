export type TaskResult<R> =
  | { status: 'fulfilled'; value: R }
  | { status: 'rejected'; reason: unknown }
  /** Never started because an earlier task failed and `stopOnError` was set. */
  | { status: 'skipped' };

export type RunOptions = {
  /** After the first failure, start no further tasks (those already running still finish). */
  stopOnError?: boolean;
};

/**
 * Runs `task` over `inputs` with at most `limit` in flight, like `Promise.allSettled` with a cap:
 * Outreach rate-limits each user, and a browser only opens a few connections per origin anyway.
 * Results come back in input order; the returned promise never rejects.
 */
export async function runWithConcurrency<T, R>(
  inputs: readonly T[],
  limit: number,
  task: (input: T, index: number) => Promise<R>,
  options: RunOptions = {},
): Promise<TaskResult<R>[]> {
  const results: TaskResult<R>[] = inputs.map(() => ({ status: 'skipped' }));
  let next = 0;
  let failed = false;

  async function worker(): Promise<void> {
    while (next < inputs.length && !(failed && options.stopOnError)) {
      const index = next;
      next += 1;
      try {
        results[index] = { status: 'fulfilled', value: await task(inputs[index] as T, index) };
      } catch (reason) {
        failed = true;
        results[index] = { status: 'rejected', reason };
      }
    }
  }

  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, inputs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

import { describe, expect, it, vi } from 'vitest';
import { runWithConcurrency } from './runWithConcurrency';
import { deferred, tick } from '../../../testing/deferred';

describe('runWithConcurrency', () => {
  it('keeps at most `limit` tasks in flight and returns results in input order', async () => {
    const inputs = [5, 1, 4, 2, 3, 0, 6];
    const gates = new Map(inputs.map((input) => [input, deferred()]));
    const running = new Set<number>();
    let peak = 0;
    const run = runWithConcurrency(inputs, 3, async (input) => {
      running.add(input);
      peak = Math.max(peak, running.size);
      await gates.get(input)?.promise;
      running.delete(input);
      return input * 10;
    });
    // Finish them out of input order, each once it is running: results must keep input order.
    for (const input of [1, 4, 5, 0, 6, 3, 2]) {
      await vi.waitFor(() => expect(running.has(input)).toBe(true));
      gates.get(input)?.resolve();
    }
    const results = await run;
    expect(peak).toBe(3);
    expect(results).toEqual(
      [50, 10, 40, 20, 30, 0, 60].map((value) => ({ status: 'fulfilled', value })),
    );
  });

  it('starts the next task as soon as one slot frees up', async () => {
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const run = runWithConcurrency([0, 1, 2], 2, async (index) => {
      started.push(index);
      await gates[index]?.promise;
      return index;
    });
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve();
    gates[2]?.resolve();
    await expect(run).resolves.toHaveLength(3);
  });

  it('reports failures beside successes and never rejects', async () => {
    const boom = new Error('boom');
    const results = await runWithConcurrency([1, 2, 3], 2, (n) =>
      n === 2 ? Promise.reject(boom) : Promise.resolve(n),
    );
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: boom },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('with stopOnError starts nothing new after a failure but lets running tasks finish', async () => {
    const slow = deferred<string>();
    const started: string[] = [];
    const run = runWithConcurrency(
      ['slow', 'fail', 'later', 'latest'],
      2,
      async (name) => {
        started.push(name);
        if (name === 'slow') return slow.promise;
        if (name === 'fail') throw new Error('nope');
        return name;
      },
      { stopOnError: true },
    );
    await tick();
    slow.resolve('slow done');
    const results = await run;
    expect(started).toEqual(['slow', 'fail']);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'skipped',
      'skipped',
    ]);
  });

  it('handles an empty list and a silly limit', async () => {
    expect(await runWithConcurrency([], 4, () => Promise.resolve(1))).toEqual([]);
    expect(await runWithConcurrency([1, 2], 0, (n) => Promise.resolve(n))).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'fulfilled', value: 2 },
    ]);
  });

  it('counts a task that throws synchronously as a failure', async () => {
    const throwsAtOnce = (): Promise<number> => {
      throw new Error('sync');
    };
    const results = await runWithConcurrency([1], 1, throwsAtOnce);
    expect(results[0]?.status).toBe('rejected');
  });
});

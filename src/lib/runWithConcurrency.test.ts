import { describe, expect, it } from 'vitest';
import { deferred, tick } from '../testing/deferred';
import { runWithConcurrency } from './runWithConcurrency';

describe('runWithConcurrency', () => {
  it('keeps at most `limit` in flight, starts in order, settles all, reports each', async () => {
    const gates = [0, 1, 2, 3, 4].map(() => deferred<string>());
    const started: number[] = [];
    const settled: number[] = [];
    const run = runWithConcurrency(
      gates,
      2,
      (gate, index) => {
        started.push(index);
        return gate.promise;
      },
      (index) => settled.push(index),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]?.reject(new Error('no'));
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve('a');
    gates[2]?.resolve('c');
    await tick();
    gates[3]?.resolve('d');
    gates[4]?.resolve('e');
    const results = await run;
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(settled).toHaveLength(5);
    expect(settled[0]).toBe(1);
  });

  it('resolves at once for no items', async () => {
    expect(await runWithConcurrency([], 3, () => Promise.resolve(1))).toEqual([]);
  });
});

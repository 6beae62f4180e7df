import { describe, expect, it } from 'vitest';
import { createSerialQueue } from './serialQueue';
import { deferred, tick } from '../../../testing/deferred';

describe('createSerialQueue', () => {
  it('starts a job synchronously when idle', () => {
    const queue = createSerialQueue();
    let started = false;
    void queue.run(() => {
      started = true;
      return Promise.resolve();
    });
    expect(started).toBe(true);
    expect(queue.size).toBe(1);
  });

  it('runs jobs one at a time, in arrival order', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const first = deferred();
    const a = queue.run(async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      return 'a';
    });
    const b = queue.run(() => {
      log.push('b start');
      return Promise.resolve('b');
    });
    const c = queue.run(() => {
      log.push('c start');
      return Promise.resolve('c');
    });
    await tick();
    expect(log).toEqual(['a start']);
    expect(queue.size).toBe(3);
    first.resolve();
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'c start']);
    expect(queue.size).toBe(0);
  });

  it('goes on after a job fails, and hands the failure to its caller', async () => {
    const queue = createSerialQueue();
    const failing = queue.run(() => Promise.reject(new Error('first failed')));
    const next = queue.run(() => Promise.resolve('second ran'));
    await expect(failing).rejects.toThrow('first failed');
    await expect(next).resolves.toBe('second ran');
    expect(queue.size).toBe(0);
  });

  it('turns a synchronous throw into a rejection', async () => {
    const queue = createSerialQueue();
    const job = (() => {
      throw new Error('sync');
    }) as () => Promise<void>;
    await expect(queue.run(job)).rejects.toThrow('sync');
    await expect(queue.run(() => Promise.resolve(1))).resolves.toBe(1);
  });

  it('is idle again once everything settled, and starts the next job synchronously', async () => {
    const queue = createSerialQueue();
    await queue.run(() => Promise.resolve());
    let started = false;
    void queue.run(() => {
      started = true;
      return Promise.resolve();
    });
    expect(started).toBe(true);
  });
});

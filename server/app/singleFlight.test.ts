import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './singleFlight';
import { deferred } from '../../src/testing/deferred';

describe('createSingleFlight', () => {
  it('runs one operation for N concurrent callers of the same key', async () => {
    const flight = createSingleFlight<string, string>();
    const gate = deferred<string>();
    let calls = 0;
    const callers = Array.from({ length: 10 }, () =>
      flight.run('session-a', () => {
        calls += 1;
        return gate.promise;
      }),
    );
    expect(flight.inFlight('session-a')).toBe(true);
    gate.resolve('token-2');
    expect(await Promise.all(callers)).toEqual(Array(10).fill('token-2'));
    expect(calls).toBe(1);
    expect(flight.inFlight('session-a')).toBe(false);
  });

  it('keeps keys independent', async () => {
    const flight = createSingleFlight<string, number>();
    let calls = 0;
    const operation = () => Promise.resolve((calls += 1));
    await Promise.all([flight.run('a', operation), flight.run('b', operation)]);
    expect(calls).toBe(2);
  });

  it('shares a failure, then lets the next caller try again', async () => {
    const flight = createSingleFlight<string, string>();
    const gate = deferred<string>();
    const first = flight.run('k', () => gate.promise);
    const second = flight.run('k', () => Promise.resolve('unused'));
    gate.reject(new Error('invalid_grant'));
    await expect(first).rejects.toThrow('invalid_grant');
    await expect(second).rejects.toThrow('invalid_grant');
    await expect(flight.run('k', () => Promise.resolve('fresh'))).resolves.toBe('fresh');
  });
});

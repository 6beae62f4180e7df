import { describe, expect, it } from 'vitest';
import { CREATE_CONCURRENCY, createMany, type NewPurpose } from './createMany';

describe('createMany', () => {
  it('creates each, reports failures with their error, counts progress', async () => {
    const sent: NewPurpose[] = [];
    let settled = 0;
    const results = await createMany({
      items: [
        { name: 'A', order: 10 },
        { name: 'B', order: 20 },
        { name: 'C', order: 30 },
      ],
      create: (item) => {
        sent.push(item);
        return item.name === 'B' ? Promise.reject(new Error('refused')) : Promise.resolve();
      },
      onSettled: () => (settled += 1),
    });
    expect(sent.map((item) => item.name)).toEqual(['A', 'B', 'C']);
    expect(settled).toBe(3);
    expect(results).toEqual([
      { name: 'A', order: 10, status: 'added' },
      { name: 'B', order: 20, status: 'failed', error: new Error('refused') },
      { name: 'C', order: 30, status: 'added' },
    ]);
  });

  it('sends nothing for a name that already landed (any case and spacing)', async () => {
    const sent: string[] = [];
    const results = await createMany({
      items: [
        { name: 'Lost  Answer', order: 40 },
        { name: 'Never Sent', order: 50 },
      ],
      alreadyThere: ['lost answer', 'Demo'],
      create: (item) => {
        sent.push(item.name);
        return Promise.resolve();
      },
    });
    expect(sent).toEqual(['Never Sent']);
    expect(results.map((result) => result.status)).toEqual(['added', 'added']);
  });

  it('has at most four requests in flight, whatever the paste', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await createMany({
      items: Array.from({ length: 20 }, (_, index) => ({ name: `P${index}`, order: index })),
      create: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        // Yield, so the others start while this one is still in flight.
        for (let tick = 0; tick < 5; tick += 1) await Promise.resolve();
        inFlight -= 1;
      },
    });
    expect(most).toBe(CREATE_CONCURRENCY);
    expect(results.filter((result) => result.status === 'added')).toHaveLength(20);
  });
});

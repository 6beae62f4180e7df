import { describe, expect, it } from 'vitest';
import { ordersAfter } from './ordersAfter';

describe('ordersAfter', () => {
  it('spreads orders 10 apart after the highest order, ignoring null orders', () => {
    expect(ordersAfter([{ order: 30 }, { order: null }, { order: 80 }], 3)).toEqual([90, 100, 110]);
    expect(ordersAfter([], 2)).toEqual([10, 20]);
  });

  it('narrows the step near the top of the int32 range, and gives up when there is no room', () => {
    expect(ordersAfter([{ order: 2147483640 }], 3)).toEqual([2147483642, 2147483644, 2147483646]);
    expect(ordersAfter([{ order: 2147483646 }], 2)).toBeNull();
  });
});

import { ORDER_MAX } from '../../../../shared/order';
import type { CallPurpose } from '../types';

/** The gap the server leaves after the last purpose, so each can later move by one PATCH. */
const STEP = 10;

/**
 * Explicit orders for `count` new purposes after the current last one, in pasted order, so the
 * requests may run at the same time and still land in that order. Null when there is no room
 * above the last order (the caller then creates them one after another instead).
 */
export function ordersAfter(
  purposes: readonly Pick<CallPurpose, 'order'>[],
  count: number,
): number[] | null {
  const orders = purposes.map((purpose) => purpose.order).filter((order) => order !== null);
  const last = orders.length === 0 ? 0 : Math.max(...orders);
  const step = Math.min(STEP, Math.floor((ORDER_MAX - last) / Math.max(count, 1)));
  if (step < 1) return null;
  return Array.from({ length: count }, (_, index) => last + step * (index + 1));
}

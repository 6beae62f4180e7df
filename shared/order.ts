/**
 * A call purpose's `order` is a 32-bit signed integer at Outreach (API.md): the emulator refuses
 * anything outside, and the SPA never computes an order beyond it.
 */
export const ORDER_MIN = -2147483648;
export const ORDER_MAX = 2147483647;

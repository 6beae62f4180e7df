import { describe, expect, it } from 'vitest';
import { createToastStore, type ToastTimers } from './toastStore';

/** Timers the test moves by hand. */
function manualTimers() {
  let now = 0;
  let nextHandle = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: ToastTimers = {
    setTimeout(callback, ms) {
      const handle = nextHandle++;
      pending.set(handle, { at: now + ms, callback });
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [handle, timer] of [...pending]) {
      if (timer.at <= now) {
        pending.delete(handle);
        timer.callback();
      }
    }
  };
  return { timers, advance };
}

describe('toastStore', () => {
  it('keeps a toast for its durationMs, then dismisses it', () => {
    const { timers, advance } = manualTimers();
    const store = createToastStore(timers);
    store.show('Order saved.', { durationMs: 10_000 });
    advance(9_999);
    expect(store.getToasts().map((toast) => toast.message)).toEqual(['Order saved.']);
    advance(1);
    expect(store.getToasts()).toEqual([]);
  });

  it('does not dismiss a toast while it is held, and gives it its full time again after', () => {
    const { timers, advance } = manualTimers();
    const store = createToastStore(timers);
    store.show('Order saved.', { durationMs: 10_000 });
    const [toast] = store.getToasts();
    if (!toast) throw new Error('no toast');
    advance(9_000);
    store.hold(toast.id);
    advance(60_000);
    expect(store.getToasts()).toHaveLength(1);
    store.release(toast.id);
    advance(9_999);
    expect(store.getToasts()).toHaveLength(1);
    advance(1);
    expect(store.getToasts()).toEqual([]);
  });

  it('replaces an earlier toast of the same group, and only that one', () => {
    const { timers } = manualTimers();
    const store = createToastStore(timers);
    store.show('Deleted “Demo”.');
    store.show('Order saved.', { group: 'reorder' });
    store.show('Earlier order restored.', { group: 'reorder' });
    expect(store.getToasts().map((toast) => toast.message)).toEqual([
      'Deleted “Demo”.',
      'Earlier order restored.',
    ]);
  });
});

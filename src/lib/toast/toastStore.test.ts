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
  it("keeps a toast for its tone's time, then dismisses it", () => {
    const { timers, advance } = manualTimers();
    const store = createToastStore(timers);
    store.show('Could not refresh.', { tone: 'error' });
    advance(9_999);
    expect(store.getToasts().map((toast) => toast.message)).toEqual(['Could not refresh.']);
    advance(1);
    expect(store.getToasts()).toEqual([]);
  });

  it('keeps a toast that offers an action until it is dismissed', () => {
    const { timers, advance } = manualTimers();
    const store = createToastStore(timers);
    store.show("Couldn't save moving Check-in.", {
      tone: 'error',
      actions: [
        { label: 'Retry', onClick: () => {} },
        { label: 'Undo', onClick: () => {} },
      ],
    });
    store.show('Deleted “Demo”.', { action: { label: 'Undo', onClick: () => {} } });
    advance(24 * 60 * 60_000);
    expect(store.getToasts()).toHaveLength(2);
    const [first] = store.getToasts();
    if (!first) throw new Error('no toast');
    store.hold(first.id);
    store.release(first.id);
    advance(24 * 60 * 60_000);
    expect(store.getToasts()).toHaveLength(2);
    store.dismiss(first.id);
    expect(store.getToasts().map((toast) => toast.message)).toEqual(['Deleted “Demo”.']);
  });

  it('does not dismiss a toast while it is held, and gives it its full time again after', () => {
    const { timers, advance } = manualTimers();
    const store = createToastStore(timers);
    store.show('Order saved.', { tone: 'success' });
    const [toast] = store.getToasts();
    if (!toast) throw new Error('no toast');
    advance(4_000);
    store.hold(toast.id);
    advance(60_000);
    expect(store.getToasts()).toHaveLength(1);
    store.release(toast.id);
    advance(4_999);
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

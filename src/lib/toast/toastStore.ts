import { actionsOf, type ToastApi, type ToastOptions } from './toastContext';

export type Toast = ToastOptions & { id: number; message: string };
type Listener = () => void;

const DISMISS_AFTER_MS = { info: 5_000, success: 5_000, error: 10_000 } as const;

export type ToastTimers = {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const realTimers: ToastTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Toasts live outside React so that code without hooks (the query cache's error handler) can
 * show one too; the provider subscribes and renders. A toast with a button stays until it is used
 * or dismissed; any other toast the pointer or focus rests on stays too, and gets its full time
 * again when left.
 */
export function createToastStore(timers: ToastTimers = realTimers): ToastApi & {
  subscribe: (listener: Listener) => () => void;
  getToasts: () => Toast[];
  dismiss: (id: number) => void;
  /** Stops the toast's countdown while it is hovered or focused. */
  hold: (id: number) => void;
  /** Restarts its countdown from the full duration. */
  release: (id: number) => void;
} {
  let toasts: Toast[] = [];
  let nextId = 1;
  const listeners = new Set<Listener>();
  const countdowns = new Map<number, unknown>();
  const publish = () => listeners.forEach((listener) => listener());

  const stopCountdown = (id: number) => {
    if (countdowns.has(id)) timers.clearTimeout(countdowns.get(id));
    countdowns.delete(id);
  };

  const dismiss = (id: number) => {
    stopCountdown(id);
    toasts = toasts.filter((toast) => toast.id !== id);
    publish();
  };

  const startCountdown = (toast: Toast) => {
    stopCountdown(toast.id);
    // A toast that offers an action (Retry, Undo) waits for the person to use or dismiss it.
    if (actionsOf(toast).length > 0) return;
    const ms = DISMISS_AFTER_MS[toast.tone ?? 'info'];
    countdowns.set(
      toast.id,
      timers.setTimeout(() => dismiss(toast.id), ms),
    );
  };

  return {
    show(message, options = {}) {
      const toast: Toast = { ...options, id: nextId++, message };
      // The same message twice in a row (a refetch failing again) is shown once, and a toast of
      // the same group replaces the earlier one.
      const replaced = (shown: Toast) =>
        shown.message === message || (toast.group !== undefined && shown.group === toast.group);
      toasts.filter(replaced).forEach((shown) => stopCountdown(shown.id));
      toasts = [...toasts.filter((shown) => !replaced(shown)), toast].slice(-4);
      publish();
      startCountdown(toast);
    },
    dismiss,
    hold: stopCountdown,
    release(id) {
      const toast = toasts.find((shown) => shown.id === id);
      if (toast) startCountdown(toast);
    },
    getToasts: () => toasts,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export const toastStore = createToastStore();

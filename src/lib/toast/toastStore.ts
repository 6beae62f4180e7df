import type { ToastApi, ToastOptions } from './toastContext';

export type Toast = ToastOptions & { id: number; message: string };
type Listener = () => void;

const DISMISS_AFTER_MS = { info: 5_000, success: 5_000, error: 10_000 } as const;

/**
 * Toasts live outside React so that code without hooks (the query cache's error handler) can
 * show one too; the provider subscribes and renders.
 */
export function createToastStore(): ToastApi & {
  subscribe: (listener: Listener) => () => void;
  getToasts: () => Toast[];
  dismiss: (id: number) => void;
} {
  let toasts: Toast[] = [];
  let nextId = 1;
  const listeners = new Set<Listener>();
  const publish = () => listeners.forEach((listener) => listener());

  const dismiss = (id: number) => {
    toasts = toasts.filter((toast) => toast.id !== id);
    publish();
  };

  return {
    show(message, options = {}) {
      const toast: Toast = { ...options, id: nextId++, message };
      // The same message twice in a row (a refetch failing again) is shown once.
      toasts = [...toasts.filter((shown) => shown.message !== message), toast].slice(-4);
      publish();
      setTimeout(() => dismiss(toast.id), DISMISS_AFTER_MS[options.tone ?? 'info']);
    },
    dismiss,
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

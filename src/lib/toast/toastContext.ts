import { createContext } from 'react';

export type ToastTone = 'info' | 'success' | 'error';

export type ToastAction = { label: string; onClick: () => void };

export type ToastOptions = {
  tone?: ToastTone;
  /** One button beside the message (Retry, say). A toast with a button stays until answered. */
  action?: ToastAction;
  /** Several buttons, in this order (Retry and Undo after a failed reorder). */
  actions?: readonly ToastAction[];
  /** A toast replaces any earlier one of the same group: only the latest reorder offers Undo. */
  group?: string;
};

export type ToastApi = { show: (message: string, options?: ToastOptions) => void };

export const ToastContext = createContext<ToastApi | null>(null);

/** The buttons a toast offers, whichever option named them. */
export function actionsOf(options: ToastOptions): readonly ToastAction[] {
  return options.actions ?? (options.action ? [options.action] : []);
}

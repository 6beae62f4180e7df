import { createContext } from 'react';

export type ToastTone = 'info' | 'success' | 'error';

export type ToastOptions = {
  tone?: ToastTone;
  action?: { label: string; onClick: () => void };
};

export type ToastApi = { show: (message: string, options?: ToastOptions) => void };

export const ToastContext = createContext<ToastApi | null>(null);

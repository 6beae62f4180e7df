import { useContext } from 'react';
import { ToastContext, type ToastApi } from '../lib/toast/toastContext';

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (api === null) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}

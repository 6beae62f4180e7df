import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import styles from './Toast.module.css';
import { ToastContext, type ToastApi } from '../../lib/toast/toastContext';
import { toastStore } from '../../lib/toast/toastStore';

export function ToastProvider({ children }: { children: ReactNode }) {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.getToasts);
  const api = useMemo<ToastApi>(() => ({ show: toastStore.show }), []);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className={styles.region} aria-live="polite" aria-relevant="additions text">
        {toasts.map((toast) => (
          <div key={toast.id} className={styles.toast} data-tone={toast.tone ?? 'info'}>
            <p className={styles.message}>{toast.message}</p>
            {toast.action && (
              <button
                type="button"
                className={styles.action}
                onClick={() => {
                  toast.action?.onClick();
                  toastStore.dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              className={styles.close}
              aria-label="Dismiss notification"
              onClick={() => toastStore.dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

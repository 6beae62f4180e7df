import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import styles from './Toast.module.css';
import { ToastContext, actionsOf, type ToastApi } from '../../lib/toast/toastContext';
import { toastStore } from '../../lib/toast/toastStore';
import { IsolatedText } from '../IsolatedText/IsolatedText';

export function ToastProvider({ children }: { children: ReactNode }) {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.getToasts);
  const api = useMemo<ToastApi>(() => ({ show: toastStore.show }), []);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className={styles.region} aria-live="polite" aria-relevant="additions text">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={styles.toast}
            data-tone={toast.tone ?? 'info'}
            onMouseEnter={() => toastStore.hold(toast.id)}
            onMouseLeave={() => toastStore.release(toast.id)}
            onFocus={() => toastStore.hold(toast.id)}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget)) toastStore.release(toast.id);
            }}
          >
            <p className={styles.message}>
              <IsolatedText text={toast.message} />
            </p>
            {actionsOf(toast).map((action) => (
              <button
                key={action.label}
                type="button"
                className={styles.action}
                onClick={() => {
                  action.onClick();
                  toastStore.dismiss(toast.id);
                }}
              >
                {action.label}
              </button>
            ))}
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

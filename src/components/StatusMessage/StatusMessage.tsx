import type { ReactNode } from 'react';
import styles from './StatusMessage.module.css';

type StatusMessageProps = {
  tone: 'info' | 'warning' | 'error';
  children: ReactNode;
  /** A retry button or a link, shown after the text. */
  action?: ReactNode;
};

/** An inline message box; errors are announced as alerts, the rest politely. */
export function StatusMessage({ tone, children, action }: StatusMessageProps) {
  return (
    <div className={styles.message} data-tone={tone} role={tone === 'error' ? 'alert' : 'status'}>
      <div className={styles.text}>{children}</div>
      {action && <div className={styles.action}>{action}</div>}
    </div>
  );
}

import type { CallPurpose } from '../types';
import styles from './CallPurposeTable.module.css';

/** Why a row shows no drag handle, Edit or Delete: read by screen readers, shown on hover. */
export function lockDescription(purpose: { canDelete: boolean }): string {
  return purpose.canDelete
    ? "You can't change this purpose"
    : "You can't change or delete this purpose";
}

/**
 * Where the drag handle would be: a quiet padlock that says why this row has no handle, Edit or
 * Delete. The title is its accessible description (and its tooltip).
 */
export function LockMark({ purpose }: { purpose: CallPurpose }) {
  return (
    <span role="img" aria-label="Locked" title={lockDescription(purpose)} className={styles.lock}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z"
        />
      </svg>
    </span>
  );
}

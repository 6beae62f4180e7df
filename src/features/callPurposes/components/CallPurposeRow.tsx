import { memo } from 'react';
import { Button } from '../../../components/Button/Button';
import { formatDateTime } from '../../../lib/formatDateTime';
import { ReorderMenu } from '../reorder/ReorderMenu';
import type { CallPurpose } from '../types';
import styles from './CallPurposeTable.module.css';
import { LockMark } from './LockMark';
import { useRowDecorations } from './rowDecorations';

export type CallPurposeRowProps = {
  purpose: CallPurpose;
  position: number;
  onEdit: (purpose: CallPurpose) => void;
  onDelete: (purpose: CallPurpose) => void;
};

/**
 * One purpose; write controls appear only where the server's authorization meta allows. This
 * plain row has an empty handle cell: the sortable row that fills it (`SortableCallPurposeRow`)
 * loads with the drag-and-drop code, which only people who may reorder need.
 */
export function CallPurposeRow(props: CallPurposeRowProps) {
  const { change, lock } = useRowDecoration(props.purpose);
  return (
    <tr className={styles.row} data-change={change}>
      <td className={styles.handleCell}>{lock}</td>
      <CallPurposeCells {...props} />
    </tr>
  );
}

/** The live-list highlight of a row and, where the user may not change it, its lock mark. */
export function useRowDecoration(purpose: CallPurpose) {
  const { changes, showLocks } = useRowDecorations();
  return {
    change: changes.get(purpose.id),
    lock: showLocks && !purpose.canWrite ? <LockMark purpose={purpose} /> : null,
  };
}

/**
 * Every cell but the drag handle's. Memoized: a sortable row re-renders on each step of a drag,
 * and a long list stays smooth only if the cells do not.
 */
export const CallPurposeCells = memo(function CallPurposeCells({
  purpose,
  position,
  onEdit,
  onDelete,
}: CallPurposeRowProps) {
  return (
    <>
      <td className={styles.positionCell}>{position}</td>
      <th scope="row" className={styles.nameCell}>
        {purpose.name}
      </th>
      <td className={styles.creatorCell}>
        <span className={styles.mobileLabel}>by </span>
        {purpose.creatorName ?? '—'}
      </td>
      <td className={styles.updatedCell}>
        <span className={styles.mobileLabel}>Updated </span>
        <time dateTime={purpose.updatedAt}>{formatDateTime(purpose.updatedAt)}</time>
      </td>
      <td className={styles.actionsCell}>
        <div className={styles.actions}>
          {purpose.canWrite && (
            <Button
              variant="quiet"
              aria-label={`Edit ${purpose.name}`}
              onClick={() => onEdit(purpose)}
            >
              Edit
            </Button>
          )}
          {purpose.canDelete && (
            <Button
              variant="quiet"
              className={styles.deleteButton}
              aria-label={`Delete ${purpose.name}`}
              onClick={() => onDelete(purpose)}
            >
              Delete
            </Button>
          )}
          <ReorderMenu purpose={purpose} />
        </div>
      </td>
    </>
  );
});

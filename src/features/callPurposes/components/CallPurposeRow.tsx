import { memo, type RefCallback } from 'react';
import { Button } from '../../../components/Button/Button';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useDragMode, useRowShift } from '../reorder/reorderContext';
import { ReorderMenu } from '../reorder/ReorderMenu';
import { useHandleSlot, useReorderContext } from '../reorder/reorderContext';
import type { CallPurpose } from '../types';
import styles from './CallPurposeTable.module.css';
import { LockMark } from './LockMark';
import { useRowDecorations } from './rowDecorations';

export type CallPurposeRowProps = {
  purpose: CallPurpose;
  /** Index in the rows on screen (0-based). */
  index: number;
  /** Position in the whole list (1-based). */
  position: number;
  /** Lets the virtualiser measure the row. */
  measure: RefCallback<HTMLTableRowElement> | undefined;
  onEdit: (purpose: CallPurpose) => void;
  onDelete: (purpose: CallPurpose) => void;
};

/**
 * One purpose; write controls appear only where the server's authorization meta allows.
 * Memoized, and it reads the drag through selectors: a drag event re-renders only the rows whose
 * place on screen changes.
 */
export const CallPurposeRow = memo(function CallPurposeRow({
  purpose,
  index,
  measure,
  ...cells
}: CallPurposeRowProps) {
  const dragState = useReorderContext()?.parts.dragState ?? null;
  const shift = useRowShift(dragState, purpose.id, index);
  const dragMode = useDragMode(dragState, purpose.id);
  const { change, lock } = useRowDecoration(purpose);
  const handleSlot = useHandleSlot(purpose);
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      className={dragMode ? `${styles.row} ${styles.dragged}` : styles.row}
      data-follows-pointer={dragMode === 'pointer' || undefined}
      style={shift === 0 ? undefined : { transform: `translateY(${shift}px)` }}
      data-change={change}
    >
      {/* The drag handle, when the reorder code has arrived, is rendered into this cell. */}
      <td className={styles.handleCell} ref={lock ? undefined : handleSlot}>
        {lock}
      </td>
      <CallPurposeCells purpose={purpose} {...cells} />
    </tr>
  );
});

type CellsProps = Pick<CallPurposeRowProps, 'purpose' | 'position' | 'onEdit' | 'onDelete'>;

/**
 * The live-list highlight of a row and, where the user may not change it, its lock mark. Both
 * change only when the list is refetched, never during a drag.
 */
function useRowDecoration(purpose: CallPurpose) {
  const { changes, showLocks } = useRowDecorations();
  return {
    change: changes.get(purpose.id),
    lock: showLocks && !purpose.canWrite ? <LockMark purpose={purpose} /> : null,
  };
}

/** Every cell but the drag handle's. */
const CallPurposeCells = memo(function CallPurposeCells({
  purpose,
  position,
  onEdit,
  onDelete,
}: CellsProps) {
  return (
    <>
      <td className={styles.positionCell}>{position}</td>
      <th scope="row" className={styles.nameCell}>
        <bdi>{purpose.name}</bdi>
      </th>
      <td className={styles.creatorCell}>
        <span className={styles.mobileLabel}>by </span>
        <bdi>{purpose.creatorName ?? '—'}</bdi>
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

import { Button } from '../../../components/Button/Button';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { CallPurpose } from '../types';
import styles from './CallPurposeTable.module.css';

type CallPurposeRowProps = {
  purpose: CallPurpose;
  position: number;
  onEdit: (purpose: CallPurpose) => void;
  onDelete: (purpose: CallPurpose) => void;
};

/** One purpose; write controls appear only where the server's authorization meta allows. */
export function CallPurposeRow({ purpose, position, onEdit, onDelete }: CallPurposeRowProps) {
  return (
    <tr className={styles.row}>
      {/* Reserved for the drag handle. */}
      <td className={styles.handleCell} />
      <td className={styles.positionCell}>{position}</td>
      <th scope="row" className={styles.nameCell}>
        {purpose.name}
      </th>
      <td className={styles.creatorCell}>
        <span className={styles.mobileLabel}>Created by </span>
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
        </div>
      </td>
    </tr>
  );
}

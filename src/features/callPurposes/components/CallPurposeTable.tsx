import type { ComponentType } from 'react';
import type { CallPurpose } from '../types';
import { CallPurposeRow, type CallPurposeRowProps } from './CallPurposeRow';
import styles from './CallPurposeTable.module.css';

type CallPurposeTableProps = {
  /** The rows to show (possibly filtered), in display order. */
  purposes: readonly CallPurpose[];
  /** Position in the whole list, 1-based, so a filtered view still shows true positions. */
  positionOf: (purpose: CallPurpose) => number;
  onEdit: (purpose: CallPurpose) => void;
  onDelete: (purpose: CallPurpose) => void;
  /** The row component: the sortable one once reordering has loaded. */
  Row?: ComponentType<CallPurposeRowProps>;
};

export function CallPurposeTable({
  purposes,
  positionOf,
  onEdit,
  onDelete,
  Row = CallPurposeRow,
}: CallPurposeTableProps) {
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">Call purposes, in the order reps see them</caption>
      <thead>
        <tr className={styles.headRow}>
          {/* Reserved for the drag handle column. */}
          <td className={styles.handleCell} />
          <th scope="col" className={styles.positionCell}>
            Position
          </th>
          <th scope="col" className={styles.nameCell}>
            Name
          </th>
          <th scope="col" className={styles.creatorCell}>
            Created by
          </th>
          <th scope="col" className={styles.updatedCell}>
            Last updated
          </th>
          <th scope="col" className={styles.actionsCell}>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {purposes.map((purpose) => (
          <Row
            key={purpose.id}
            purpose={purpose}
            position={positionOf(purpose)}
            onEdit={onEdit}
            onDelete={onDelete}
          />
        ))}
      </tbody>
    </table>
  );
}

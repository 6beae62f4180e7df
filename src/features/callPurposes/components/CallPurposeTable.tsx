import { useLayoutEffect, useState, type FocusEvent } from 'react';
import { useDraggedIndex, useIsDragging, useReorderContext } from '../reorder/reorderContext';
import type { CallPurpose } from '../types';
import { CallPurposeRow } from './CallPurposeRow';
import styles from './CallPurposeTable.module.css';
import { useWindowRows } from './useWindowRows';

type CallPurposeTableProps = {
  /** The rows to show (possibly filtered), in display order. */
  purposes: readonly CallPurpose[];
  /** Position in the whole list, 1-based, by id, so a filtered view still shows true positions. */
  positions: ReadonlyMap<number, number>;
  /** The list's later pages are still on their way: how many rows there are is not known yet. */
  loading: boolean;
  onEdit: (purpose: CallPurpose) => void;
  onDelete: (purpose: CallPurpose) => void;
};

const COLUMNS = 6;

/** Index of the row holding `element`, from the row's `data-index`. */
function rowIndexOf(element: Element | null): number | null {
  const index = element?.closest('tr[data-index]')?.getAttribute('data-index');
  return index === undefined || index === null ? null : Number(index);
}

/**
 * The call purposes as a table whose rows are virtualised on long lists. Screen readers still
 * hear "row 37 of 2,000" (`aria-rowcount`, `aria-rowindex`); the focused row and the dragged row
 * stay mounted while they are out of view. Rendered once: the drag code, when it arrives, only
 * fills the handle cells of the rows already here.
 */
export function CallPurposeTable({
  purposes,
  positions,
  loading,
  onEdit,
  onDelete,
}: CallPurposeTableProps) {
  const reorder = useReorderContext();
  const parts = reorder?.parts;
  const dragState = parts?.dragState ?? null;
  const draggedIndex = useDraggedIndex(dragState);
  const dragging = useIsDragging(dragState);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const focusedIndex =
    focusedId === null ? -1 : purposes.findIndex((purpose) => purpose.id === focusedId);
  const { body, rows, gapAfter, measureRow, layout, host } = useWindowRows(purposes.length, [
    focusedIndex,
    draggedIndex,
  ]);

  // The drag code reads the rows' places from the table's layout.
  useLayoutEffect(() => {
    if (parts === undefined) return;
    parts.layout.set(layout);
    return () => parts.layout.set(null);
  }, [parts, layout]);

  // The row holding focus stays mounted when it scrolls away, so focus is never lost to <body>.
  const onFocus = (event: FocusEvent) => {
    const index = rowIndexOf(event.target);
    setFocusedId(index === null ? null : (purposes[index]?.id ?? null));
  };
  const onBlur = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocusedId(null);
  };

  return (
    <table
      className={styles.table}
      aria-rowcount={loading ? -1 : purposes.length + 1}
      aria-busy={loading || undefined}
    >
      <caption className="visually-hidden">Call purposes, in the order reps see them</caption>
      <thead>
        <tr className={styles.headRow} aria-rowindex={1}>
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
      <tbody
        ref={body}
        className={dragging ? styles.makingWay : undefined}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        {rows.flatMap(({ index, gapBefore }) => {
          const purpose = purposes[index] as CallPurpose;
          const row = (
            <CallPurposeRow
              key={purpose.id}
              purpose={purpose}
              index={index}
              position={positions.get(purpose.id) ?? 0}
              measure={measureRow}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          );
          // One flat, keyed list: rows keep their identity whatever runs of rows come and go.
          return gapBefore > 0 ? [<Spacer key={`gap-${index}`} height={gapBefore} />, row] : [row];
        })}
        {gapAfter > 0 && <Spacer height={gapAfter} />}
      </tbody>
      {host}
    </table>
  );
}

/** Stands in for rows that are not mounted, so the page keeps its full height. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className={styles.spacer} aria-hidden="true">
      <td colSpan={COLUMNS} style={{ height }} />
    </tr>
  );
}

import {
  CallPurposeCells,
  useRowDecoration,
  type CallPurposeRowProps,
} from '../components/CallPurposeRow';
import styles from '../components/CallPurposeTable.module.css';
import { ReorderHandle } from './ReorderHandle';
import { useSortableRow } from './useSortableRow';

/** The table row once reordering has loaded: sortable, with its drag handle. */
export function SortableCallPurposeRow(props: CallPurposeRowProps) {
  const { setRowNode, rowStyle, rowClassName, handle } = useSortableRow(props.purpose);
  const { change, lock } = useRowDecoration(props.purpose);
  return (
    <tr
      ref={setRowNode}
      style={rowStyle}
      className={rowClassName ? `${styles.row} ${rowClassName}` : styles.row}
      data-change={change}
    >
      <td className={styles.handleCell}>
        {lock ?? <ReorderHandle purpose={props.purpose} handle={handle} />}
      </td>
      <CallPurposeCells {...props} />
    </tr>
  );
}

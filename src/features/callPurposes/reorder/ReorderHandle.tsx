import type { CallPurpose } from '../types';
import styles from './reorder.module.css';
import type { SortableHandle } from './useSortableRow';

type ReorderHandleProps = { purpose: CallPurpose; handle: SortableHandle };

/**
 * The drag handle: a real button, so it is in the tab order and named for the row. Pointer,
 * touch and keyboard (Space or Enter to pick up) all start a drag from here.
 */
export function ReorderHandle({ purpose, handle }: ReorderHandleProps) {
  const { show, reserveSpace, enabled, setNode, attributes: handleAttributes, listeners } = handle;
  if (!show)
    return reserveSpace ? <span className={styles.handleSpace} aria-hidden="true" /> : null;
  // A native button needs no role; the rest (aria-pressed, aria-describedby…) comes from dnd-kit.
  const { role: _role, ...attributes } = handleAttributes;
  return (
    <button
      type="button"
      ref={setNode}
      className={styles.handle}
      {...attributes}
      {...listeners}
      aria-label={`Reorder ${purpose.name}`}
      disabled={!enabled}
      title={enabled ? undefined : 'Clear the search to reorder'}
    >
      <svg viewBox="0 0 12 18" width="12" height="18" aria-hidden="true" focusable="false">
        {[3, 9, 15].flatMap((y) =>
          [3, 9].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />),
        )}
      </svg>
    </button>
  );
}

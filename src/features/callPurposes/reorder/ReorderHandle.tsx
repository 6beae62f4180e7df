import { memo } from 'react';
import type { CallPurpose } from '../types';
import { useDragMode } from './dragState';
import styles from './reorder.module.css';
import { useReorderContext } from './reorderContext';

type ReorderHandleProps = { purpose: CallPurpose; index: number };

/**
 * The drag handle: a real button, so it is in the tab order and named for the row. Pointer,
 * touch and keyboard (Space or Enter to pick up) all start a drag from here. Until the drag code
 * has arrived, and on rows this person may not move, it keeps the column's width.
 */
export const ReorderHandle = memo(function ReorderHandle({ purpose, index }: ReorderHandleProps) {
  const context = useReorderContext();
  const dragged = useDragMode(context?.dragState ?? null, purpose.id) !== null;
  if (context === null || !context.available) return null;
  const { engine, enabled } = context;
  if (engine === null || !purpose.canWrite) {
    return <span className={styles.handleSpace} aria-hidden="true" />;
  }
  return (
    <button
      type="button"
      className={styles.handle}
      data-reorder-handle={purpose.id}
      aria-label={`Reorder ${purpose.name}`}
      aria-roledescription="sortable"
      aria-describedby={context.instructionsId}
      aria-pressed={dragged || undefined}
      disabled={!enabled}
      title={enabled ? undefined : 'Clear the search to reorder'}
      onPointerDown={(event) => engine.pointerDown(event, purpose, index)}
      onKeyDown={(event) => engine.keyDown(event, purpose, index)}
      onBlur={() => engine.blur(purpose)}
    >
      <svg viewBox="0 0 12 18" width="12" height="18" aria-hidden="true" focusable="false">
        {[3, 9, 15].flatMap((y) =>
          [3, 9].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />),
        )}
      </svg>
    </button>
  );
});

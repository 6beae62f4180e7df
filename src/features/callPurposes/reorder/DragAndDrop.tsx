import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDraggable,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { memo, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { CallPurpose } from '../types';
import { keyboardTarget, pointerTarget, snappedOffset } from './dragMoves';
import styles from './reorder.module.css';
import type { Drag, ReorderParts } from './reorderContext';
import {
  cancelledText,
  droppedText,
  movedText,
  pickedUpText,
  reorderInstructions,
} from './reorderMessages';

export type DragAndDropProps = {
  /** The whole list in display order, as it is now. */
  purposes: readonly CallPurpose[];
  enabled: boolean;
  /** Why the handles are off, when they are. */
  offReason?: string;
  parts: ReorderParts;
  /** A drop that changed the index; `toIndex` counts in the whole list. */
  onMove: (purpose: CallPurpose, toIndex: number) => Promise<unknown>;
};

/** Mouse and pen start a drag after a few pixels; a finger must press and hold (a swipe scrolls). */
const MOUSE = { activationConstraint: { distance: 4 } };
const TOUCH = { activationConstraint: { delay: 200, tolerance: 8 } };
/** Space or Enter picks up and drops, Escape cancels; Tab does not drop (focus stays put). */
const KEYBOARD_CODES = { start: ['Space', 'Enter'], cancel: ['Escape'], end: ['Space', 'Enter'] };
/** Our live region speaks (the same one the row menu's moves use): dnd-kit's stays silent. */
const silent = () => undefined;
const SILENT: Announcements = {
  onDragStart: silent,
  onDragOver: silent,
  onDragEnd: silent,
  onDragCancel: silent,
};
const ACCESSIBILITY = {
  announcements: SILENT,
  screenReaderInstructions: { draggable: reorderInstructions },
};

/** dnd-kit has no public cancel: a drag ends the way Escape ends it (both sensors listen). */
const cancelLikeEscape = () =>
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape' }));

/**
 * The drag handles and dnd-kit around them: dnd-kit's sensors read the input (mouse, touch,
 * keyboard), scroll the window near its edges and keep focus; where the row goes is ours, from
 * the table's layout, which knows every row's place, mounted or not. The drag lives in
 * `dragState` (rows read their own shift from it); `announcer` says what happens; a drop calls
 * `onMove`. The handles are portals into the rows' handle cells, so mounting this context, when
 * the chunk arrives, leaves the table as it is.
 */
export function DragAndDrop(props: DragAndDropProps) {
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  // The handlers read the latest props when dnd-kit calls them, never during a render.
  // eslint-disable-next-line react-hooks/refs
  const [handlers] = useState(() => createDragHandlers(props.parts, () => latest.current));
  const sensors = useSensors(
    useSensor(MouseSensor, MOUSE),
    useSensor(TouchSensor, TOUCH),
    useSensor(KeyboardSensor, handlers.keyboard),
  );
  const { handleSlots } = props.parts;
  const slots = useSyncExternalStore(handleSlots.subscribe, handleSlots.get);
  const byId = new Map(props.purposes.map((purpose) => [purpose.id, purpose]));
  return (
    <DndContext
      sensors={sensors}
      accessibility={ACCESSIBILITY}
      onDragStart={handlers.start}
      onDragMove={handlers.move}
      onDragEnd={() => handlers.end(true)}
      onDragCancel={() => handlers.end(false)}
    >
      {[...slots].map(([id, cell]) => {
        const purpose = byId.get(id);
        return purpose
          ? createPortal(
              <DragHandle purpose={purpose} enabled={props.enabled} offReason={props.offReason} />,
              cell,
              id,
            )
          : null;
      })}
    </DndContext>
  );
}

/** The handle: a real button, named for its row, that starts a drag by pointer or keyboard. */
const DragHandle = memo(function DragHandle({
  purpose,
  enabled,
  offReason,
}: {
  purpose: CallPurpose;
  enabled: boolean;
  offReason: string | undefined;
}) {
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: purpose.id,
    disabled: !enabled,
    attributes: { roleDescription: 'sortable' },
  });
  return (
    <button
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      type="button"
      className={styles.handle}
      data-reorder-handle={purpose.id}
      aria-label={`Reorder ${purpose.name}`}
      disabled={!enabled}
      title={enabled ? undefined : offReason}
    >
      <svg viewBox="0 0 12 18" width="12" height="18" aria-hidden="true" focusable="false">
        {[3, 9, 15].flatMap((y) =>
          [3, 9].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />),
        )}
      </svg>
    </button>
  );
});

/** dnd-kit's events turned into our drag: pick up, move over a place, drop or cancel. */
function createDragHandlers(
  { layout, dragState, announcer }: ReorderParts,
  current: () => DragAndDropProps,
) {
  /** The window's scroll at pick-up: dnd-kit's translated rect does not count scrolling. */
  let startScroll = 0;

  const placement = (purpose: CallPurpose, index: number) => ({
    name: purpose.name,
    position: index + 1,
    total: current().purposes.length,
  });
  const draggedPurpose = (drag: Drag) =>
    current().purposes.find((purpose) => purpose.id === drag.activeId);

  function moveOver(overIndex: number, offset: number) {
    const drag = dragState.get();
    const purpose = drag && draggedPurpose(drag);
    if (!drag || !purpose || drag.dropped) return;
    if (drag.overIndex !== overIndex) announcer.set(movedText(placement(purpose, overIndex)));
    if (drag.overIndex !== overIndex || drag.offset !== offset) {
      dragState.set({ ...drag, overIndex, offset });
    }
  }

  function start({ active, activatorEvent }: { active: Active; activatorEvent: Event | null }) {
    const { purposes } = current();
    const fromIndex = purposes.findIndex((purpose) => purpose.id === active.id);
    const purpose = purposes[fromIndex];
    const rows = layout.get();
    if (!purpose || rows === null) return cancelLikeEscape();
    const mode = activatorEvent instanceof KeyboardEvent ? 'keyboard' : 'pointer';
    startScroll = window.scrollY;
    dragState.set({
      activeId: purpose.id,
      fromIndex,
      overIndex: fromIndex,
      offset: 0,
      size: rows.sizeOf(fromIndex),
      mode,
      dropped: false,
    });
    announcer.set(pickedUpText(placement(purpose, fromIndex)));
    if (mode === 'pointer') document.documentElement.dataset.dragging = 'true';
    window.addEventListener('blur', cancelLikeEscape);
  }

  /**
   * A pointer drag's place: the row is drawn where dnd-kit's translated rect is, plus the window's
   * scroll since pick-up (`delta` would count the scroll twice once rows mount and unmount).
   */
  function move({ active }: { active: Active }) {
    const drag = dragState.get();
    const { initial, translated } = active.rect.current;
    const rows = layout.get();
    if (drag?.mode !== 'pointer' || rows === null || !initial || !translated) return;
    const offset = translated.top - initial.top + window.scrollY - startScroll;
    moveOver(pointerTarget(rows, drag, offset), offset);
  }

  function end(drop: boolean) {
    window.removeEventListener('blur', cancelLikeEscape);
    delete document.documentElement.dataset.dragging;
    const drag = dragState.get();
    const purpose = drag && draggedPurpose(drag);
    if (!drag || !purpose || drag.dropped) return;
    if (!drop || drag.overIndex === drag.fromIndex) {
      dragState.set(null);
      const said = placement(purpose, drag.fromIndex);
      announcer.set(drop ? droppedText(said) : cancelledText(said));
      return;
    }
    // Rows keep their shifts until the new order reaches the list, so nothing jumps back.
    dragState.set({ ...drag, dropped: true });
    announcer.set(droppedText(placement(purpose, drag.overIndex)));
    void current()
      .onMove(purpose, drag.overIndex)
      .finally(() => {
        const now = dragState.get();
        if (now?.activeId === purpose.id && now.dropped) dragState.set(null);
      });
  }

  /**
   * The keyboard sensor asks where an arrow, Page or Home/End key takes the row: the target comes
   * from the list's layout (every row's place, mounted or not), the page scrolls to show it, and
   * the row is drawn there. It answers no coordinates, so dnd-kit neither moves nor scrolls
   * anything by itself; Tab does nothing during a drag, other keys keep their own meaning.
   */
  const coordinateGetter: KeyboardCoordinateGetter = (event) => {
    const drag = dragState.get();
    // Focus stays on the handle while it carries the row.
    if (event.code === 'Tab') event.preventDefault();
    const rows = layout.get();
    if (drag?.mode !== 'keyboard' || rows === null) return undefined;
    const target = keyboardTarget(event.code, drag.overIndex, current().purposes.length);
    if (target === null) return undefined;
    event.preventDefault();
    moveOver(target, snappedOffset(rows, drag, target));
    rows.scrollToIndex(target);
    return undefined;
  };

  return {
    start,
    move,
    end,
    keyboard: { coordinateGetter, keyboardCodes: KEYBOARD_CODES },
  };
}

import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import type { CallPurpose } from '../types';
import { cancelledText, droppedText, movedText, pickedUpText } from './announcements';
import type { Announcer } from './announcer';
import type { Drag, DragState } from './dragState';
import type { LayoutRef } from './listLayout';

/** Mouse and pen start a drag after a few pixels; a finger must press and hold first. */
const MOUSE_DISTANCE = 4;
const TOUCH_DELAY_MS = 200;
const TOUCH_TOLERANCE = 8;
/** Near the top or bottom 15 % of the window, the page scrolls, faster nearer the edge. */
const AUTO_SCROLL_ZONE = 0.15;
const AUTO_SCROLL_MAX_PX = 24;
const PAGE_STEP = 10;

export type DragEngineOptions = {
  state: DragState;
  layout: LayoutRef;
  announcer: Announcer;
  /** The whole list in display order, as it is now. */
  purposes(): readonly CallPurpose[];
  /** A drop that changed the index; `toIndex` counts in the whole list. */
  onMove(purpose: CallPurpose, toIndex: number): Promise<unknown>;
};

export type DragEngine = {
  pointerDown(event: ReactPointerEvent<HTMLElement>, purpose: CallPurpose, index: number): void;
  keyDown(event: ReactKeyboardEvent<HTMLElement>, purpose: CallPurpose, index: number): void;
  /** The handle lost focus: a keyboard drag ends where it started. */
  blur(purpose: CallPurpose): void;
};

/**
 * Dragging rows of a virtualised list, by pointer (mouse, pen, touch) and keyboard. It changes
 * nothing on screen itself: it writes the drag into `state` (rows read their own shift from it)
 * and says what happens through `announcer`; a drop calls `onMove`. Positions come from `layout`,
 * which knows every row's place, mounted or not, so a drag can travel the whole list.
 */
export function createDragEngine(options: DragEngineOptions): DragEngine {
  const { state, layout, announcer } = options;
  let endPointerDrag: ((drop: boolean) => void) | null = null;

  const total = () => options.purposes().length;
  const placement = (purpose: CallPurpose, index: number) => ({
    name: purpose.name,
    position: index + 1,
    total: total(),
  });

  function pickUp(purpose: CallPurpose, index: number, mode: Drag['mode']): Drag | null {
    const rows = layout.current;
    if (rows === null) return null;
    const drag: Drag = {
      activeId: purpose.id,
      fromIndex: index,
      overIndex: index,
      offset: 0,
      size: rows.sizeOf(index),
      mode,
      dropped: false,
    };
    state.set(drag);
    announcer.say(pickedUpText(placement(purpose, index)));
    return drag;
  }

  function moveOver(purpose: CallPurpose, overIndex: number, offset: number) {
    const drag = state.get();
    if (drag === null || drag.activeId !== purpose.id) return;
    if (drag.overIndex !== overIndex) announcer.say(movedText(placement(purpose, overIndex)));
    if (drag.overIndex !== overIndex || drag.offset !== offset) {
      state.set({ ...drag, overIndex, offset });
    }
  }

  function end(purpose: CallPurpose, drop: boolean) {
    const drag = state.get();
    if (drag === null || drag.activeId !== purpose.id || drag.dropped) return;
    if (!drop || drag.overIndex === drag.fromIndex) {
      state.set(null);
      announcer.say(
        drop
          ? droppedText(placement(purpose, drag.fromIndex))
          : cancelledText(placement(purpose, drag.fromIndex)),
      );
      return;
    }
    // Rows keep their shifts until the new order reaches the list, so nothing jumps back.
    state.set({ ...drag, dropped: true });
    announcer.say(droppedText(placement(purpose, drag.overIndex)));
    void options.onMove(purpose, drag.overIndex).finally(() => {
      if (state.get() !== null && state.get()?.activeId === purpose.id && state.get()?.dropped) {
        state.set(null);
      }
    });
  }

  /** Where a keyboard-dragged row is drawn when it would land at `overIndex`. */
  function snappedOffset(drag: Drag, overIndex: number): number {
    const rows = layout.current;
    if (rows === null || overIndex === drag.fromIndex) return 0;
    const from = rows.startOf(drag.fromIndex);
    return overIndex > drag.fromIndex
      ? rows.startOf(overIndex) + rows.sizeOf(overIndex) - drag.size - from
      : rows.startOf(overIndex) - from;
  }

  function keyDown(event: ReactKeyboardEvent<HTMLElement>, purpose: CallPurpose, index: number) {
    const drag = state.get();
    const picking = event.key === ' ' || event.key === 'Enter';
    if (drag === null) {
      if (!picking || endPointerDrag !== null) return;
      event.preventDefault();
      pickUp(purpose, index, 'keyboard');
      return;
    }
    if (drag.activeId !== purpose.id || drag.mode !== 'keyboard' || drag.dropped) return;
    const last = total() - 1;
    const targets: Record<string, number> = {
      ArrowUp: drag.overIndex - 1,
      ArrowDown: drag.overIndex + 1,
      PageUp: drag.overIndex - PAGE_STEP,
      PageDown: drag.overIndex + PAGE_STEP,
      Home: 0,
      End: last,
    };
    const target = targets[event.key];
    if (target !== undefined) {
      event.preventDefault();
      const overIndex = Math.max(0, Math.min(last, target));
      moveOver(purpose, overIndex, snappedOffset(drag, overIndex));
      layout.current?.scrollToIndex(overIndex);
    } else if (picking) {
      event.preventDefault();
      end(purpose, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      end(purpose, false);
    } else if (event.key === 'Tab') {
      // Focus stays on the handle while it carries the row.
      event.preventDefault();
    }
  }

  function pointerDown(event: ReactPointerEvent<HTMLElement>, purpose: CallPurpose, index: number) {
    if (event.button !== 0 || state.get() !== null || endPointerDrag !== null) return;
    const touch = event.pointerType === 'touch';
    const pointerId = event.pointerId;
    const startX = event.clientX;
    const startY = event.clientY;
    let clientY = startY;
    let startScroll = window.scrollY;
    let active = false;
    let frame = 0;
    const holdTimer = touch ? window.setTimeout(activate, TOUCH_DELAY_MS) : 0;

    function activate() {
      if (active) return;
      if (pickUp(purpose, index, 'pointer') === null) return finish(false);
      active = true;
      startScroll = window.scrollY;
      document.getSelection()?.removeAllRanges();
      document.documentElement.dataset.dragging = 'true';
      frame = requestAnimationFrame(autoScroll);
      update();
    }

    function update() {
      const rows = layout.current;
      const drag = state.get();
      if (!active || rows === null || drag === null) return;
      const offset = clientY - startY + (window.scrollY - startScroll);
      const center = rows.startOf(drag.fromIndex) + drag.size / 2 + offset;
      moveOver(purpose, rows.indexAt(center), offset);
    }

    function autoScroll() {
      const zone = window.innerHeight * AUTO_SCROLL_ZONE;
      const fromTop = clientY;
      const fromBottom = window.innerHeight - clientY;
      // Only the way the pointer went: a drag that starts near an edge and heads away from it
      // must not scroll the page under it.
      let speed = 0;
      if (fromTop < zone && clientY < startY) {
        speed = -AUTO_SCROLL_MAX_PX * Math.min(1, (zone - fromTop) / zone);
      } else if (fromBottom < zone && clientY > startY) {
        speed = AUTO_SCROLL_MAX_PX * Math.min(1, (zone - fromBottom) / zone);
      }
      if (speed !== 0) window.scrollBy({ top: speed, behavior: 'instant' });
      frame = requestAnimationFrame(autoScroll);
    }

    function onMove(moved: PointerEvent) {
      if (moved.pointerId !== pointerId) return;
      clientY = moved.clientY;
      const distance = Math.hypot(moved.clientX - startX, moved.clientY - startY);
      if (!active) {
        if (touch && distance > TOUCH_TOLERANCE) finish(false);
        else if (!touch && distance >= MOUSE_DISTANCE) activate();
        return;
      }
      moved.preventDefault();
      update();
    }

    function onUp(up: PointerEvent) {
      if (up.pointerId === pointerId) finish(true);
    }

    function onCancel(cancelled: PointerEvent) {
      if (cancelled.pointerId === pointerId) finish(false);
    }

    function onKey(key: KeyboardEvent) {
      if (key.key !== 'Escape') return;
      key.preventDefault();
      finish(false);
    }

    const preventDefault = (prevented: Event) => {
      if (active) prevented.preventDefault();
    };
    const listeners: [string, EventListener][] = [
      ['pointermove', onMove as EventListener],
      ['pointerup', onUp as EventListener],
      ['pointercancel', onCancel as EventListener],
      ['keydown', onKey as EventListener],
      ['scroll', update],
      ['blur', () => finish(false)],
      ['selectstart', preventDefault],
      ['contextmenu', preventDefault],
    ];

    function finish(drop: boolean) {
      window.clearTimeout(holdTimer);
      cancelAnimationFrame(frame);
      for (const [type, listener] of listeners) window.removeEventListener(type, listener);
      delete document.documentElement.dataset.dragging;
      endPointerDrag = null;
      if (active) end(purpose, drop);
    }

    for (const [type, listener] of listeners) {
      window.addEventListener(type, listener, type === 'scroll' ? { passive: true } : undefined);
    }
    endPointerDrag = finish;
  }

  return {
    pointerDown,
    keyDown,
    blur(purpose) {
      if (state.get()?.mode === 'keyboard') end(purpose, false);
    },
  };
}

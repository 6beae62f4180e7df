import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { CallPurpose } from '../types';
import { createAnnouncer } from './announcer';
import { createDragEngine } from './dragEngine';
import { createDragState, rowShift } from './dragState';
import type { ListLayout } from './listLayout';

const ROW = 50;
const purposes: CallPurpose[] = Array.from({ length: 2000 }, (_, index) => ({
  id: index + 1,
  name: `Purpose ${index + 1}`,
  order: (index + 1) * 10,
  createdAt: '',
  updatedAt: '',
  creatorId: null,
  creatorName: null,
  canWrite: true,
  canDelete: true,
}));

function setUp() {
  const state = createDragState();
  const announcer = createAnnouncer();
  const scrolledTo: number[] = [];
  const layout: ListLayout = {
    count: () => purposes.length,
    startOf: (index) => index * ROW,
    sizeOf: () => ROW,
    indexAt: (y) => Math.max(0, Math.min(purposes.length - 1, Math.floor(y / ROW))),
    scrollToIndex: (index) => scrolledTo.push(index),
  };
  const onMove = vi.fn(() => Promise.resolve());
  const engine = createDragEngine({
    state,
    layout: { current: layout },
    announcer,
    purposes: () => purposes,
    onMove,
  });
  const press = (key: string, index = 0) =>
    engine.keyDown(
      { key, preventDefault: () => undefined } as KeyboardEvent<HTMLElement>,
      purposes[index] as CallPurpose,
      index,
    );
  return { state, announcer, engine, press, onMove, scrolledTo };
}

describe('rowShift', () => {
  const drag = { activeId: 3, fromIndex: 2, overIndex: 5, offset: 150, size: ROW };
  const moving = { ...drag, mode: 'keyboard' as const, dropped: false };

  it('moves only the rows between where the dragged row was and where it would land', () => {
    expect([0, 1, 3, 4, 5, 6].map((index) => rowShift(moving, index + 1, index))).toEqual([
      0,
      0,
      -ROW,
      -ROW,
      -ROW,
      0,
    ]);
    expect(rowShift(moving, 3, 2)).toBe(150);
    const up = { ...moving, fromIndex: 5, activeId: 6, overIndex: 2 };
    expect([1, 2, 3, 4, 6].map((index) => rowShift(up, index + 1, index))).toEqual([
      0,
      ROW,
      ROW,
      ROW,
      0,
    ]);
    expect(rowShift(null, 1, 0)).toBe(0);
  });
});

describe('a keyboard drag', () => {
  it('travels from the first to the last of 2,000, scrolling along, and announces each step', () => {
    const { press, state, announcer, onMove, scrolledTo } = setUp();
    press(' ');
    expect(announcer.get()).toBe('Picked up Purpose 1, position 1 of 2000.');
    press('ArrowDown');
    expect(announcer.get()).toBe('Purpose 1 moved to position 2 of 2000.');
    expect(state.get()?.offset).toBe(ROW);
    for (let step = 2; step < 2000; step += 1) press('ArrowDown');
    expect(announcer.get()).toBe('Purpose 1 moved to position 2000 of 2000.');
    press('ArrowDown');
    expect(state.get()?.overIndex).toBe(1999);
    expect(scrolledTo.at(-1)).toBe(1999);
    press('Enter');
    expect(announcer.get()).toBe('Purpose 1 dropped at position 2000 of 2000.');
    expect(onMove).toHaveBeenCalledWith(purposes[0], 1999);
    expect(state.get()?.dropped).toBe(true);
  });

  it('moves by ten with Page Down, to the ends with Home and End, and Escape puts it back', () => {
    const { press, state, announcer, onMove } = setUp();
    press('Enter', 500);
    press('PageDown', 500);
    expect(state.get()?.overIndex).toBe(510);
    press('Home', 500);
    expect(announcer.get()).toBe('Purpose 501 moved to position 1 of 2000.');
    expect(state.get()?.offset).toBe(-500 * ROW);
    press('End', 500);
    expect(state.get()?.overIndex).toBe(1999);
    press('Escape', 500);
    expect(announcer.get()).toBe(
      'Reordering cancelled. Purpose 501 returned to position 501 of 2000.',
    );
    expect(state.get()).toBeNull();
    expect(onMove).not.toHaveBeenCalled();
  });

  it('a drop where it started writes nothing', () => {
    const { press, state, onMove, announcer } = setUp();
    press(' ', 3);
    press('ArrowDown', 3);
    press('ArrowUp', 3);
    press(' ', 3);
    expect(onMove).not.toHaveBeenCalled();
    expect(state.get()).toBeNull();
    expect(announcer.get()).toBe('Purpose 4 dropped at position 4 of 2000.');
  });
});

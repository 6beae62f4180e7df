import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { createAnnouncements } from './announcements';

const rows = ['Initial Contact', 'Follow Up', 'Discovery Call', 'Demo', 'Pricing Discussion'].map(
  (name, index) => ({ id: index + 1, name }),
);
const announcements = createAnnouncements(rows);
const active = { id: 4 } as Active;
const over = (id: number) => ({ id }) as Over;

describe('createAnnouncements', () => {
  it('names the purpose and its position when picked up', () => {
    expect(announcements.onDragStart({ active })).toBe('Picked up Demo, position 4 of 5.');
  });

  it('says where it would land while it moves, once per position', () => {
    announcements.onDragStart({ active });
    expect(announcements.onDragOver({ active, over: over(4) })).toBeUndefined();
    expect(announcements.onDragOver({ active, over: over(2) })).toBe(
      'Demo moved to position 2 of 5.',
    );
    expect(announcements.onDragOver({ active, over: over(5) })).toBe(
      'Demo moved to position 5 of 5.',
    );
    expect(announcements.onDragOver({ active, over: over(5) })).toBeUndefined();
    expect(announcements.onDragOver({ active, over: over(4) })).toBe(
      'Demo moved to position 4 of 5.',
    );
    expect(announcements.onDragOver({ active, over: null })).toBe(
      'Demo is not over the list. Dropping it now leaves it where it was.',
    );
  });

  it('confirms the drop, or says the purpose went back where it was', () => {
    expect(announcements.onDragEnd({ active, over: over(2) })).toBe(
      'Demo dropped at position 2 of 5.',
    );
    expect(announcements.onDragEnd({ active, over: null })).toBe(
      'Reordering cancelled. Demo returned to position 4 of 5.',
    );
    expect(announcements.onDragCancel({ active, over: over(2) })).toBe(
      'Reordering cancelled. Demo returned to position 4 of 5.',
    );
  });
});

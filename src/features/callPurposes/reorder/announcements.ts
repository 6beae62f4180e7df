import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';

/** What a screen reader hears about one purpose; positions are 1-based, as people count. */
export type Placement = { name: string; position: number; total: number };

export const reorderInstructions: ScreenReaderInstructions = {
  draggable:
    'To reorder, press Space or Enter to pick up the call purpose, use the up and down arrow ' +
    'keys to move it, then press Space or Enter to drop it, or Escape to cancel.',
};

export function pickedUpText({ name, position, total }: Placement): string {
  return `Picked up ${name}, position ${position} of ${total}.`;
}

export function movedText({ name, position, total }: Placement): string {
  return `${name} moved to position ${position} of ${total}.`;
}

export function droppedText({ name, position, total }: Placement): string {
  return `${name} dropped at position ${position} of ${total}.`;
}

export function cancelledText({ name, position, total }: Placement): string {
  return `Reordering cancelled. ${name} returned to position ${position} of ${total}.`;
}

export function outsideListText(name: string): string {
  return `${name} is not over the list. Dropping it now leaves it where it was.`;
}

type Row = { id: number; name: string };

/**
 * dnd-kit's announcements in words a person uses: names and positions rather than ids. `rows`
 * is the sequence as it stood when the drag began (dnd-kit keeps it until the drop), so the
 * position of whatever the dragged row is over is the position it would move to.
 */
export function createAnnouncements(rows: readonly Row[]): Announcements {
  const total = rows.length;
  const indexOf = new Map(rows.map((row, index) => [row.id, index]));
  const nameOf = (id: unknown) => rows.find((row) => row.id === id)?.name ?? 'The call purpose';
  const at = (id: unknown, overId: unknown): Placement => ({
    name: nameOf(id),
    position: (indexOf.get(overId as number) ?? indexOf.get(id as number) ?? 0) + 1,
    total,
  });

  // dnd-kit reports the row as over itself right after the pick-up; saying "moved to position 4"
  // then would drown out "Picked up …, position 4", so only a change of position is announced.
  let lastOverId: unknown = null;

  return {
    onDragStart: ({ active }) => {
      lastOverId = active.id;
      return pickedUpText(at(active.id, active.id));
    },
    onDragOver: ({ active, over }) => {
      const overId = over?.id ?? null;
      if (overId === lastOverId) return undefined;
      lastOverId = overId;
      return over ? movedText(at(active.id, over.id)) : outsideListText(nameOf(active.id));
    },
    onDragEnd: ({ active, over }) =>
      over ? droppedText(at(active.id, over.id)) : cancelledText(at(active.id, active.id)),
    onDragCancel: ({ active }) => cancelledText(at(active.id, active.id)),
  };
}

/** What a screen reader hears about one purpose; positions are 1-based, as people count. */
export type Placement = { name: string; position: number; total: number };

export const reorderInstructions =
  'To reorder, press Space or Enter to pick up the call purpose, use the up and down arrow ' +
  'keys to move it (Page Up and Page Down move ten places, Home and End to either end), then ' +
  'press Space or Enter to drop it, or Escape to cancel.';

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

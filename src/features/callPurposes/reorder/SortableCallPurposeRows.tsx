import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
  type Modifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useMemo } from 'react';
import type { CallPurpose } from '../types';
import { createAnnouncements, reorderInstructions } from './announcements';
import type { RenderTable } from './ReorderableCallPurposes';
import { SortableCallPurposeRow } from './SortableCallPurposeRow';

const [pointerActivator] = PointerSensor.activators;

/**
 * Mouse and pen start a drag after a few pixels; touch is left to the TouchSensor and its
 * press-and-hold delay, so a finger swiping over a handle still scrolls the page.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators: typeof PointerSensor.activators = [
    {
      eventName: 'onPointerDown',
      handler: (event, options) =>
        event.nativeEvent.pointerType !== 'touch' &&
        (pointerActivator?.handler(event, options) ?? false),
    },
  ];
}

const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });
const modifiers = [restrictToVerticalAxis];
const autoScroll = { threshold: { x: 0, y: 0.15 } };

type SortableCallPurposeRowsProps = {
  purposes: readonly CallPurpose[];
  enabled: boolean;
  reducedMotion: boolean;
  renderTable: RenderTable;
  /** A drop that changed the index; `toIndex` counts in the whole list. */
  onMove: (purpose: CallPurpose, toIndex: number) => void;
};

/**
 * dnd-kit around the table: mouse, touch and keyboard sensors (Space or Enter picks up, arrows
 * move, Space or Enter drops, Escape cancels), vertical moves only, auto-scroll near the edges,
 * and announcements in names and positions.
 */
export default function SortableCallPurposeRows({
  purposes,
  enabled,
  reducedMotion,
  renderTable,
  onMove,
}: SortableCallPurposeRowsProps) {
  const ids = useMemo(() => purposes.map((purpose) => purpose.id), [purposes]);
  const announcements = useMemo(() => createAnnouncements(purposes), [purposes]);
  const sensors = useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      scrollBehavior: reducedMotion ? 'auto' : 'smooth',
    }),
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    // Commit only a real move: a drop outside the list or back in place changes nothing.
    if (over === null || active.id === over.id) return;
    const purpose = purposes.find((item) => item.id === active.id);
    const toIndex = ids.indexOf(over.id as number);
    if (purpose !== undefined && toIndex !== -1) onMove(purpose, toIndex);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={modifiers}
      autoScroll={autoScroll}
      accessibility={{ announcements, screenReaderInstructions: reorderInstructions }}
      onDragEnd={onDragEnd}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={!enabled}>
        {renderTable(SortableCallPurposeRow)}
      </SortableContext>
    </DndContext>
  );
}

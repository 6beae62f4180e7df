/**
 * The drag-and-drop half of reordering (dnd-kit and the sortable rows), a chunk of its own: the
 * list shows without it, and people who may not reorder never download it.
 */
export const loadSortableRows = () => import('./SortableCallPurposeRows');

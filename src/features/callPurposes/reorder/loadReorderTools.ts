/**
 * The reorder code (the drag engine, the row menu, "Sort A–Z", the write queue), a chunk of its
 * own: the list shows without it, and it is fetched only once the list says this person may
 * move something.
 */
export const loadReorderTools = () => import('./ReorderTools');

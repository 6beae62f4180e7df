/**
 * The drag code (pointer and keyboard dragging), a chunk of its own: the list shows without it,
 * and it is fetched only once the list says this person may move something.
 */
export const loadDragEngine = () => import('./dragEngine');

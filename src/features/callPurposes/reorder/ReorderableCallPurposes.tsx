import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import type { CallPurpose } from '../types';
import { createAnnouncer, useAnnouncement, type Announcer } from './announcer';
import { createDragState } from './dragState';
import type { ListLayout } from './listLayout';
import { loadReorderTools } from './loadReorderTools';
import { ReorderContext, type ReorderActions, type ReorderContextValue } from './reorderContext';
import type { ReorderToolsProps } from './ReorderTools';

type ReorderableCallPurposesProps = {
  /** The whole list, in display order, straight from the query cache. */
  purposes: readonly CallPurpose[];
  /** The search box narrows the list: positions are ambiguous, so nothing moves. */
  filtered: boolean;
  /** The table: rendered once, whether or not the reorder code has arrived. */
  children: ReactNode;
};

/** The live region every reordering route speaks through; only it re-renders when it speaks. */
function LiveRegion({ announcer }: { announcer: Announcer }) {
  const text = useAnnouncement(announcer);
  return (
    <div
      id="reorder-announcements"
      className="visually-hidden"
      role="status"
      aria-live="assertive"
      aria-atomic="true"
    >
      {text}
    </div>
  );
}

/**
 * Makes the call-purpose table reorderable by mouse, touch and keyboard, with the move-to-top /
 * bottom menu and, for someone who may move everything, "Sort A–Z". The table shows at once and
 * stays mounted. What only someone who may reorder needs (`ReorderTools`: the drag engine, the
 * menus, the write queue) is fetched after the list is on screen, and only once the list says
 * this person may move something; the rows' handles and menus appear when it arrives.
 */
export function ReorderableCallPurposes({
  purposes,
  filtered,
  children,
}: ReorderableCallPurposesProps) {
  const [dragState] = useState(createDragState);
  const [announcer] = useState(createAnnouncer);
  const layout = useRef<ListLayout | null>(null);
  const setLayout = useCallback((next: ListLayout | null) => {
    layout.current = next;
  }, []);
  const [Tools, setTools] = useState<ComponentType<ReorderToolsProps> | null>(null);
  const [actions, setActions] = useState<ReorderActions | null>(null);
  const instructionsId = useId();

  const indexById = useMemo(
    () => new Map(purposes.map((purpose, index) => [purpose.id, index])),
    [purposes],
  );
  const available = purposes.length > 1 && purposes.some((purpose) => purpose.canWrite);
  const enabled = available && !filtered;
  const mayMoveEverything = purposes.length > 1 && purposes.every((purpose) => purpose.canWrite);

  // After the list is on screen, and only for someone who may move something.
  useEffect(() => {
    if (!available || Tools !== null) return;
    let current = true;
    void loadReorderTools().then(({ ReorderTools }) => {
      if (current) setTools(() => ReorderTools);
    });
    return () => {
      current = false;
    };
  }, [available, Tools]);

  const context = useMemo<ReorderContextValue>(
    () => ({
      available,
      enabled,
      total: purposes.length,
      indexOf: (id) => indexById.get(id) ?? -1,
      dragState,
      setLayout,
      actions: available ? actions : null,
      instructionsId,
    }),
    [available, enabled, purposes.length, indexById, dragState, setLayout, actions, instructionsId],
  );

  return (
    <ReorderContext.Provider value={context}>
      {available && Tools !== null && (
        <Tools
          purposes={purposes}
          filtered={filtered}
          mayMoveEverything={mayMoveEverything}
          dragState={dragState}
          announcer={announcer}
          layout={layout}
          instructionsId={instructionsId}
          onReady={setActions}
        />
      )}
      {children}
      <LiveRegion announcer={announcer} />
    </ReorderContext.Provider>
  );
}

import {
  lazy,
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Link, Outlet, useNavigate } from 'react-router';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { paths } from '../../../lib/paths';
import { useSession } from '../../../lib/session';
import { listAccess } from '../access';
import { isWholeList } from '../api/getCallPurposes';
import { ExportCsvButton } from '../export/ExportCsvButton';
import { useLiveCallPurposes } from '../live/useLiveCallPurposes';
import { createDragState, useIsDragging } from '../reorder/reorderContext';
import type { CallPurpose } from '../types';
import { CallPurposeList } from './CallPurposeList';
import styles from './CallPurposeListPage.module.css';
import { DialogLoadFailed } from './DialogLoadFailed';
import { RowDecorationsContext } from './rowDecorations';
import { SearchBox } from './SearchBox';
import { loadAddSeveralDialog, loadDeleteDialog, prefetchWriterDialogs } from './writerDialogs';

// Only writers open these: fetched after the list is on screen (see prefetchWriterDialogs).
const AddSeveralDialog = lazy(async () => ({
  default: (await loadAddSeveralDialog()).AddSeveralDialog,
}));
const DeleteCallPurposeDialog = lazy(async () => ({
  default: (await loadDeleteDialog()).DeleteCallPurposeDialog,
}));

/** Home: the list, with the create and edit dialogs opening over it as child routes. */
export function CallPurposeListPage() {
  const session = useSession();
  // The drag lives here: the live list holds its refresh while a row is carried.
  const [dragState] = useState(createDragState);
  const { list, ...live } = useLiveCallPurposes(useIsDragging(dragState));
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [deleting, setDeleting] = useState<CallPurpose | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Stable, so the memoized row cells skip re-rendering when the list changes around them.
  const onEdit = useCallback(
    (purpose: CallPurpose) => void navigate(paths.callPurposes.edit.href(purpose.id)),
    [navigate],
  );
  const { mayCreate, isViewOnly, showLocks, mayReadCalls } = listAccess(session, list.data);
  const [addingSeveral, setAddingSeveral] = useState(false);
  // Opening in a transition: React waits the moment the (prefetched) code takes to resolve and
  // shows the dialog at once, instead of committing the empty fallback and then holding the
  // reveal back (React throttles fallback reveals by about 300 ms).
  const openDelete = useCallback(
    (purpose: CallPurpose) => startTransition(() => setDeleting(purpose)),
    [],
  );
  const openAddSeveral = () => startTransition(() => setAddingSeveral(true));
  // Add several places the new purposes after every order: it waits for the whole list.
  const wholeList = list.data !== undefined && isWholeList(list.data);
  const closeDialogs = useCallback(() => {
    setDeleting(null);
    setAddingSeveral(false);
  }, []);
  const decorations = useMemo(
    () => ({ changes: live.changes, showLocks }),
    [live.changes, showLocks],
  );
  // The dialogs this user may open, known once the list has loaded (its rows carry the rights).
  const mayOpenCreate = list.data !== undefined && mayCreate;
  const mayOpenEdit = list.data?.some((purpose) => purpose.canWrite) ?? false;
  const mayOpenDelete = list.data?.some((purpose) => purpose.canDelete) ?? false;
  useEffect(
    () =>
      prefetchWriterDialogs({ create: mayOpenCreate, edit: mayOpenEdit, delete: mayOpenDelete }),
    [mayOpenCreate, mayOpenEdit, mayOpenDelete],
  );

  return (
    <div className={styles.page}>
      <div className={styles.titleBar}>
        <h1 ref={heading} className={styles.title} tabIndex={-1}>
          Call purposes
        </h1>
        <div className={styles.titleActions}>
          {!isViewOnly && list.data !== undefined && (
            <Link className={styles.historyLink} to={paths.callPurposes.history.href()}>
              History
            </Link>
          )}
          <ExportCsvButton purposes={wholeList ? list.data : undefined} />
          {mayCreate && (
            <Button
              aria-disabled={!wholeList || undefined}
              title={wholeList ? undefined : 'Add several waits until the whole list has loaded'}
              onClick={() => wholeList && openAddSeveral()}
            >
              Add several
            </Button>
          )}
          {mayCreate && (
            <Button
              variant="primary"
              onClick={() => void navigate(paths.callPurposes.create.href())}
            >
              New call purpose
            </Button>
          )}
        </div>
      </div>
      {isViewOnly && (
        <StatusMessage tone="info">
          You have view-only access: you can see the call purposes but not change them.
        </StatusMessage>
      )}
      <SearchBox value={search} onChange={setSearch} />
      <RowDecorationsContext.Provider value={decorations}>
        <CallPurposeList
          query={list}
          dragState={dragState}
          search={search}
          mayCreate={mayCreate}
          onEdit={onEdit}
          onDelete={openDelete}
        />
      </RowDecorationsContext.Provider>
      {/* Others' changes, told politely; the highlighted rows show them to sighted users. */}
      <div role="status" className="visually-hidden">
        {live.announcement}
      </div>
      <Outlet />
      <ErrorBoundary
        resetKeys={[deleting?.id, addingSeveral]}
        fallbackRender={({ error }) => <DialogLoadFailed error={error} onClose={closeDialogs} />}
      >
        <Suspense fallback={null}>
          {deleting && (
            <DeleteCallPurposeDialog
              purpose={deleting}
              mayReadCalls={mayReadCalls}
              onClose={() => setDeleting(null)}
              // The deleted row's button is going away: keep keyboard focus somewhere stable.
              onConfirmed={() => requestAnimationFrame(() => heading.current?.focus())}
            />
          )}
          {addingSeveral && <AddSeveralDialog onClose={() => setAddingSeveral(false)} />}
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

import { useCallback, useRef, useState } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { paths } from '../../../lib/paths';
import { useSession } from '../../../lib/session';
import { listAccess } from '../access';
import { useCallPurposes } from '../api/getCallPurposes';
import type { CallPurpose } from '../types';
import { CallPurposeList } from './CallPurposeList';
import styles from './CallPurposeListPage.module.css';
import { DeleteCallPurposeDialog } from './DeleteCallPurposeDialog';
import { SearchBox } from './SearchBox';

/** Home: the list, with the create and edit dialogs opening over it as child routes. */
export function CallPurposeListPage() {
  const session = useSession();
  const list = useCallPurposes();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [deleting, setDeleting] = useState<CallPurpose | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Stable, so the memoized row cells skip re-rendering when the list changes around them.
  const onEdit = useCallback(
    (purpose: CallPurpose) => void navigate(paths.callPurposes.edit.href(purpose.id)),
    [navigate],
  );
  const { mayCreate, isViewOnly } = listAccess(session, list.data);

  return (
    <div className={styles.page}>
      <div className={styles.titleBar}>
        <h1 ref={heading} className={styles.title} tabIndex={-1}>
          Call purposes
        </h1>
        {mayCreate && (
          <Button variant="primary" onClick={() => void navigate(paths.callPurposes.create.href())}>
            New call purpose
          </Button>
        )}
      </div>
      {isViewOnly && (
        <StatusMessage tone="info">
          You have view-only access: you can see the call purposes but not change them.
        </StatusMessage>
      )}
      <SearchBox value={search} onChange={setSearch} />
      <CallPurposeList
        query={list}
        search={search}
        mayCreate={mayCreate}
        onEdit={onEdit}
        onDelete={setDeleting}
      />
      <Outlet />
      {deleting && (
        <DeleteCallPurposeDialog
          purpose={deleting}
          onClose={() => setDeleting(null)}
          // The deleted row's button is going away: keep keyboard focus somewhere stable.
          onConfirmed={() => requestAnimationFrame(() => heading.current?.focus())}
        />
      )}
    </div>
  );
}

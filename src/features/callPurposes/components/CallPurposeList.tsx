import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { describeError } from '../../../lib/describeError';
import { filterByName } from '../purposeNames';
import type { DragState } from '../reorder/reorderContext';
import { ReorderableCallPurposes } from '../reorder/ReorderableCallPurposes';
import type { CallPurpose } from '../types';
import { isWholeList } from '../api/getCallPurposes';
import { CallPurposeTable } from './CallPurposeTable';
import styles from './CallPurposeTable.module.css';
import { ListSkeleton } from './ListSkeleton';

type CallPurposeListProps = {
  query: UseQueryResult<CallPurpose[]>;
  dragState: DragState;
  search: string;
  mayCreate: boolean;
  onEdit: (purpose: CallPurpose) => void;
  onDelete: (purpose: CallPurpose) => void;
};

/** Loading, first-load error, empty, no match, or the table. Data on screen always wins. */
export function CallPurposeList({
  query,
  dragState,
  search,
  mayCreate,
  onEdit,
  onDelete,
}: CallPurposeListProps) {
  const purposes = query.data;
  const visible = useMemo(() => filterByName(purposes ?? [], search), [purposes, search]);
  const positions = useMemo(
    () => new Map((purposes ?? []).map((purpose, index) => [purpose.id, index + 1])),
    [purposes],
  );

  if (purposes === undefined) {
    if (query.isError) {
      return (
        <StatusMessage
          tone="error"
          action={
            <Button busy={query.isFetching} onClick={() => void query.refetch()}>
              Retry
            </Button>
          }
        >
          Could not load the call purposes. {describeError(query.error)}
        </StatusMessage>
      );
    }
    return <ListSkeleton />;
  }
  if (purposes.length === 0) {
    return (
      <StatusMessage tone="info">
        There are no call purposes yet.
        {mayCreate && ' Use “New call purpose” to add the first one.'}
      </StatusMessage>
    );
  }
  if (visible.length === 0) {
    return <StatusMessage tone="info">No call purpose matches “{search.trim()}”.</StatusMessage>;
  }
  const loading = !isWholeList(purposes);
  return (
    <ReorderableCallPurposes
      purposes={purposes}
      filtered={search.trim() !== ''}
      loading={loading}
      dragState={dragState}
    >
      <CallPurposeTable
        purposes={visible}
        positions={positions}
        loading={loading}
        onEdit={onEdit}
        onDelete={onDelete}
      />
      {/* Below the rows, so nothing on screen moves when it goes. */}
      <p role="status" className={styles.loadingRest}>
        {loading &&
          `Showing the first ${purposes.length.toLocaleString('en')} call purposes; the rest are loading. Reordering, Sort A–Z and Add several wait until they are in.`}
      </p>
    </ReorderableCallPurposes>
  );
}

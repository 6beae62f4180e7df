import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Button } from '../../../components/Button/Button';
import { StatusMessage } from '../../../components/StatusMessage/StatusMessage';
import { describeError } from '../../../lib/describeError';
import { filterByName } from '../purposeNames';
import type { DragState } from '../reorder/reorderContext';
import { ReorderableCallPurposes } from '../reorder/ReorderableCallPurposes';
import type { CallPurpose } from '../types';
import { CallPurposeTable } from './CallPurposeTable';
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
  return (
    <ReorderableCallPurposes
      purposes={purposes}
      filtered={search.trim() !== ''}
      dragState={dragState}
    >
      <CallPurposeTable
        purposes={visible}
        positions={positions}
        onEdit={onEdit}
        onDelete={onDelete}
      />
    </ReorderableCallPurposes>
  );
}

// The History page's data: GET /api/history/changes a page at a time, newest first; "Show older"
// asks for the changes older than the last one shown (keyset, so nothing repeats or is skipped
// while others keep changing the list).
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { HistoryPageDocument } from '../../../../shared/historyDocument';
import { apiFetch } from '../../../lib/apiClient';

export type HistoryFilters = { purpose: string; person: string };

const PAGE_SIZE = 20;

export const historyKeys = {
  all: ['history'] as const,
  changes: (filters: HistoryFilters) => [...historyKeys.all, 'changes', filters] as const,
};

export function getHistoryPage(
  filters: HistoryFilters,
  olderThan: number | undefined,
  signal?: AbortSignal,
): Promise<HistoryPageDocument> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (olderThan !== undefined) query.set('olderThan', String(olderThan));
  if (filters.purpose.trim() !== '') query.set('purpose', filters.purpose.trim());
  if (filters.person !== '') query.set('person', filters.person);
  return apiFetch<HistoryPageDocument>(`/api/history/changes?${query.toString()}`, { signal });
}

export function useHistory(filters: HistoryFilters) {
  return useInfiniteQuery({
    queryKey: historyKeys.changes(filters),
    queryFn: ({ pageParam, signal }) => getHistoryPage(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.meta.olderThan ?? undefined,
    // A new filter keeps the old results on screen until its own arrive.
    placeholderData: keepPreviousData,
    retry: false,
  });
}

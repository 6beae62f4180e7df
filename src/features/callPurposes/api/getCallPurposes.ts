import {
  experimental_streamedQuery as streamedQuery,
  queryOptions,
  useQuery,
} from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiClient';
import { toProxiedApiPath, type JsonApiDocument, type Resource } from '../../../lib/jsonApi';
import { sortForDisplay } from '../displayOrder';
import type { CallPurpose } from '../types';
import { callPurposeApiPaths } from './callPurposeApiPaths';
import { callPurposeKeys } from './callPurposeKeys';
import { callPurposesFromDocument } from './toCallPurpose';

type ListPage = { purposes: CallPurpose[]; last: boolean };

/** The list's pages as they come, following `links.next` to the end. */
export async function* callPurposePages(signal?: AbortSignal): AsyncGenerator<ListPage> {
  let path: string | null = callPurposeApiPaths.list();
  while (path !== null) {
    const page: JsonApiDocument<Resource[]> = await apiFetch(path, { signal });
    const next = page.links?.next;
    path = typeof next === 'string' && next !== '' ? toProxiedApiPath(next) : null;
    yield { purposes: callPurposesFromDocument(page), last: path === null };
  }
}

/** Lists the cache holds while their later pages are still on the way. */
const partialLists = new WeakSet<readonly CallPurpose[]>();

/**
 * Whether `list` is every purpose, rather than the first pages of a first load (the server
 * answers in display order, so the rows shown stay where they are as the rest arrive). What
 * needs every order (a drag, Sort A–Z, Add several) waits for it.
 */
export const isWholeList = (list: readonly CallPurpose[]) => !partialLists.has(list);

function addPage(list: CallPurpose[], page: ListPage): CallPurpose[] {
  const next = sortForDisplay([...list, ...page.purposes]);
  if (!page.last) partialLists.add(next);
  return next;
}

/**
 * The list's query. Its `queryKey` is typed with the data, so code outside components (the
 * reorder controller, the mutations) reads and writes the cached list through it, typed. A first
 * load shows each page as it arrives; a refetch replaces the list once all its pages are in.
 */
export function callPurposesQueryOptions() {
  return queryOptions<CallPurpose[], Error, CallPurpose[], ReturnType<typeof callPurposeKeys.list>>(
    {
      queryKey: callPurposeKeys.list(),
      queryFn: streamedQuery({
        streamFn: ({ signal }) => callPurposePages(signal),
        refetchMode: 'replace',
        reducer: addPage,
        initialValue: [],
      }),
    },
  );
}

/** The whole list, in display order, for any component that shows or compares with it. */
export function useCallPurposes() {
  return useQuery(callPurposesQueryOptions());
}

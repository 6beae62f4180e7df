import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import type { CallPurpose } from '../types';
import { createListChangeTracker } from './listChangeTracker';
import type { ListChanges } from './listChanges';

function purpose(id: number, name: string, updatedAt = 't0'): CallPurpose {
  return {
    id,
    name,
    order: id * 10,
    createdAt: 't0',
    updatedAt,
    creatorId: 1,
    creatorName: 'Alex Morgan',
    canWrite: true,
    canDelete: true,
  };
}

const listKey = callPurposesQueryOptions().queryKey;
const clients: QueryClient[] = [];

function setup(server: { list: CallPurpose[] }, busy = { value: false }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  clients.push(queryClient);
  // The list's query answers with whatever the fake server holds at the time.
  queryClient.setQueryDefaults(listKey, { queryFn: () => Promise.resolve([...server.list]) });
  const fetchList = () => queryClient.fetchQuery({ queryKey: listKey, staleTime: 0 });
  const tracker = createListChangeTracker({ queryClient, ownWritesInFlight: () => busy.value });
  const reports: ListChanges[] = [];
  tracker.subscribe((changes) => reports.push(changes));
  return { queryClient, fetchList, tracker, reports };
}

afterEach(() => {
  clients.splice(0).forEach((client) => client.clear());
});

describe('createListChangeTracker', () => {
  it('reports what changed between two fetched answers, and nothing for the first', async () => {
    const server = { list: [purpose(1, 'A'), purpose(2, 'B'), purpose(3, 'C')] };
    const { fetchList, reports } = setup(server);
    await fetchList();
    expect(reports).toEqual([]);
    server.list = [purpose(1, 'A'), purpose(2, 'B2', 't1'), purpose(4, 'D')];
    await fetchList();
    expect(reports).toEqual([{ added: [4], changed: [2], removed: [3] }]);
    await fetchList();
    expect(reports).toHaveLength(1);
  });

  it('takes the user’s own writes as the new baseline, never as news', async () => {
    const server = { list: [purpose(1, 'A'), purpose(2, 'B')] };
    const busy = { value: false };
    const { queryClient, fetchList, reports } = setup(server, busy);
    await fetchList();
    // An optimistic write by hand, then the server's answer while the write is in flight.
    queryClient.setQueryData(listKey, [purpose(2, 'B'), purpose(1, 'A')]);
    busy.value = true;
    server.list = [purpose(1, 'A', 't1'), purpose(2, 'B'), purpose(5, 'Mine')];
    await fetchList();
    busy.value = false;
    await fetchList();
    expect(reports).toEqual([]);
    // Someone else's change after that is news again.
    server.list = [purpose(1, 'A', 't1'), purpose(5, 'Mine')];
    await fetchList();
    expect(reports).toEqual([{ added: [], changed: [], removed: [2] }]);
  });

  it('reports what a fetch wrote into the cache itself, as the streamed list does', async () => {
    const server = { list: [purpose(1, 'A'), purpose(2, 'B')] };
    const { queryClient, fetchList, reports } = setup(server);
    await fetchList();
    // A query function that writes its answer by hand before it resolves (a streamed query).
    queryClient.setQueryDefaults(listKey, {
      queryFn: () => {
        const answer = [...server.list];
        queryClient.setQueryData(listKey, answer);
        return Promise.resolve(answer);
      },
    });
    server.list = [purpose(1, 'A'), purpose(2, 'B2', 't1')];
    await fetchList();
    expect(reports).toEqual([{ added: [], changed: [2], removed: [] }]);
  });

  it('stops reporting once disposed', async () => {
    const server = { list: [purpose(1, 'A')] };
    const { fetchList, tracker, reports } = setup(server);
    await fetchList();
    tracker.dispose();
    server.list = [];
    await fetchList();
    expect(reports).toEqual([]);
  });
});

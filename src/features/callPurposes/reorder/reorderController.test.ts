import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/apiError';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import { sortForDisplay } from '../displayOrder';
import type { CallPurpose } from '../types';
import { moveIntent, sortByNameIntent } from './intents';
import { createReorderController, type Notify } from './reorderController';
import { CONCURRENT_CHANGE_MESSAGE, RELOAD_FAILED_MESSAGE } from './reorderMessages';
import { deferred } from '../../../testing/deferred';
import { LOCKED_COUNT, SEEDED_NAMES, TOP_ORDER, seededOrder } from './seededList.testing';

/**
 * A stand-in for the API with the emulator's seed: orders 10..80, the first two locked for a
 * manager. PATCHes can be held open or made to fail, and the list can be changed behind the
 * client's back, as another manager would.
 */
function fakeServer() {
  const rows = new Map<number, CallPurpose>(
    SEEDED_NAMES.map((name, index) => [
      index + 1,
      {
        id: index + 1,
        name,
        order: seededOrder(index),
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        creatorId: 1,
        creatorName: 'Alex Morgan',
        canWrite: index >= LOCKED_COUNT,
        canDelete: index >= LOCKED_COUNT,
      },
    ]),
  );
  const server = {
    patches: [] as { id: number; order: number }[],
    inFlight: 0,
    peakInFlight: 0,
    gate: null as Promise<void> | null,
    failIds: new Set<number>(),
    failList: false,
    list: (): Promise<CallPurpose[]> =>
      server.failList
        ? Promise.reject(new ApiError(0, []))
        : Promise.resolve(sortForDisplay([...rows.values()].map((row) => ({ ...row })))),
    names: () => sortForDisplay([...rows.values()]).map((row) => row.name),
    setOrder(id: number, order: number) {
      const row = rows.get(id);
      if (row) rows.set(id, { ...row, order });
    },
    writeOrder: async (id: number, order: number) => {
      server.inFlight += 1;
      server.peakInFlight = Math.max(server.peakInFlight, server.inFlight);
      try {
        if (server.gate) await server.gate;
        // Answer asynchronously, as over the network, so that several writes overlap.
        await Promise.resolve();
        if (server.failIds.has(id)) {
          throw new ApiError(403, [{ id: 'unauthorizedRequest', detail: 'You may not edit it' }]);
        }
        server.patches.push({ id, order });
        server.setOrder(id, order);
        return rows.get(id);
      } finally {
        server.inFlight -= 1;
      }
    },
  };
  return server;
}

let queryClient: QueryClient;
const listKey = callPurposesQueryOptions().queryKey;

async function setup() {
  const server = fakeServer();
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await queryClient.fetchQuery({ ...callPurposesQueryOptions(), queryFn: () => server.list() });
  const controller = createReorderController({ queryClient, writeOrder: server.writeOrder });
  const toasts: { message: string; tone?: string; action?: { label: string; onClick(): void } }[] =
    [];
  const notify: Notify = (message, options) => toasts.push({ message, ...options });
  const shown = () => (queryClient.getQueryData(listKey) ?? []).map((p) => p.name);
  const byName = (name: string) => {
    const found = queryClient.getQueryData(listKey)?.find((purpose) => purpose.name === name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  return { server, controller, toasts, notify, shown, byName };
}

afterEach(() => {
  queryClient.clear();
});

describe('reorderController', () => {
  it('shows the move at once, sends one PATCH for a move into a gap, then shows the server', async () => {
    const { server, controller, notify, shown, byName, toasts } = await setup();
    const gate = deferred();
    server.gate = gate.promise;

    const done = controller.request(moveIntent(byName('Renewal'), 2), notify);
    expect(controller.saving).toBe(true);
    await vi.waitFor(() => expect(server.inFlight).toBe(1));
    expect(shown().slice(0, 4)).toEqual([
      'Initial Contact',
      'Follow Up',
      'Renewal',
      'Discovery Call',
    ]);

    gate.resolve();
    await expect(done).resolves.toEqual({
      status: 'saved',
      writes: 1,
      asIntended: true,
      reloaded: true,
    });
    expect(server.patches).toEqual([{ id: 8, order: 25 }]);
    expect(shown()).toEqual(server.names());
    expect(controller.saving).toBe(false);
    expect(toasts).toEqual([]);
  });

  it('keeps the optimistic order when a background refetch starts while the writes are in flight', async () => {
    const { server, controller, notify, shown, byName } = await setup();
    const gate = deferred();
    server.gate = gate.promise;

    const done = controller.request(moveIntent(byName('Renewal'), 2), notify);
    await vi.waitFor(() => expect(server.inFlight).toBe(1));
    const optimistic = shown();
    // A window-focus or reconnect refetch would read the server before the write lands.
    await queryClient.refetchQueries({ queryKey: listKey });
    expect(shown()).toEqual(optimistic);

    gate.resolve();
    await done;
    expect(shown()).toEqual(server.names());
    expect(shown()[2]).toBe('Renewal');
  });

  it('refuses a reorder that would change a locked purpose, naming it, and writes nothing', async () => {
    const { server, controller, notify, shown, toasts } = await setup();
    const before = shown();
    const outcome = await controller.request(sortByNameIntent(), notify);
    expect(outcome).toEqual({ status: 'blocked' });
    expect(toasts).toEqual([
      {
        message: "Can't sort A–Z: Follow Up and Initial Contact are locked and keep their place.",
        tone: 'error',
      },
    ]);
    expect(server.patches).toEqual([]);
    expect(shown()).toEqual(before);
  });

  it('routes a manager around the locked purposes when moving to the top', async () => {
    const { server, controller, notify, shown, byName } = await setup();
    await controller.request(moveIntent(byName('Demo'), 0), notify);
    expect(server.patches).toEqual([{ id: 4, order: TOP_ORDER }]);
    expect(shown()[0]).toBe('Demo');
  });

  it('does nothing when the purpose stays where it is', async () => {
    const { server, controller, notify, byName } = await setup();
    await expect(controller.request(moveIntent(byName('Demo'), 3), notify)).resolves.toEqual({
      status: 'unchanged',
    });
    expect(server.patches).toEqual([]);
  });

  it('on a failed write shows the server order and names the purpose and reason, with Retry', async () => {
    const { server, controller, notify, shown, toasts } = await setup();
    server.failIds.add(7);
    queryClient.setQueryData(listKey, (list) =>
      list?.map((purpose) => ({ ...purpose, canWrite: true })),
    );

    const outcome = await controller.request(sortByNameIntent(), notify);
    expect(outcome).toMatchObject({ status: 'failed', failedIds: [7] });
    expect(shown()).toEqual(server.names());
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.tone).toBe('error');
    expect(toasts[0]?.message).toContain('Check-in: You may not edit it.');
    expect(toasts[0]?.message).toContain('The list shows the order saved on the server.');
    expect(toasts[0]?.action?.label).toBe('Retry');

    server.failIds.clear();
    toasts[0]?.action?.onClick();
    await vi.waitFor(() => expect(controller.saving).toBe(false));
    expect(server.names()).toEqual([
      'Check-in',
      'Demo',
      'Discovery Call',
      'Follow Up',
      'Initial Contact',
      'Negotiation',
      'Pricing Discussion',
      'Renewal',
    ]);
    // The mocked rights let everything be written; the server applied them all.
    expect(shown()).toEqual(server.names());
  });

  it('never has more than four PATCHes in flight', async () => {
    const { server, controller, notify } = await setup();
    queryClient.setQueryData(listKey, (list) =>
      list?.map((purpose) => ({ ...purpose, canWrite: true })),
    );
    const outcome = await controller.request(sortByNameIntent(), notify);
    expect(outcome).toMatchObject({ status: 'saved' });
    expect(server.patches.length).toBeGreaterThan(4);
    expect(server.peakInFlight).toBe(4);
  });

  it('queues a second reorder behind the first, shows both at once, and never interleaves writes', async () => {
    const { server, controller, notify, shown, byName } = await setup();
    const gate = deferred();
    server.gate = gate.promise;
    const writesSeenByFirstRefetch: number[] = [];
    const list = server.list;
    server.list = async () => {
      writesSeenByFirstRefetch.push(server.patches.length);
      return list();
    };

    const first = controller.request(moveIntent(byName('Renewal'), 2), notify);
    await vi.waitFor(() => expect(server.inFlight).toBe(1));
    const second = controller.request(moveIntent(byName('Check-in'), 3), notify);
    expect(shown().slice(0, 5)).toEqual([
      'Initial Contact',
      'Follow Up',
      'Renewal',
      'Check-in',
      'Discovery Call',
    ]);
    expect(server.inFlight).toBe(1);

    gate.resolve();
    await Promise.all([first, second]);
    // The first refetch saw only the first write: the second waited for it.
    expect(writesSeenByFirstRefetch[0]).toBe(1);
    expect(server.patches.map((patch) => patch.id)).toEqual([8, 7]);
    expect(shown()).toEqual(server.names());
    expect(shown().slice(0, 5)).toEqual([
      'Initial Contact',
      'Follow Up',
      'Renewal',
      'Check-in',
      'Discovery Call',
    ]);
  });

  it('says so plainly when another manager reordered meanwhile, and shows their order', async () => {
    const { server, controller, notify, shown, byName, toasts } = await setup();
    const gate = deferred();
    server.gate = gate.promise;
    const done = controller.request(moveIntent(byName('Renewal'), 2), notify);
    await vi.waitFor(() => expect(server.inFlight).toBe(1));
    server.setOrder(3, 1000); // someone else moves Discovery Call to the end, and then …
    server.setOrder(8, 2000); // … Renewal after it, while this write is in flight
    gate.resolve();
    const outcome = await done;
    expect(outcome).toMatchObject({ status: 'saved', asIntended: false });
    expect(shown()).toEqual(server.names());
    expect(toasts).toEqual([{ message: CONCURRENT_CHANGE_MESSAGE, tone: 'info' }]);
  });

  it('when the list cannot be reloaded, shows what is known to be saved', async () => {
    const { server, controller, notify, shown, byName, toasts } = await setup();
    server.failList = true;
    const outcome = await controller.request(moveIntent(byName('Renewal'), 2), notify);
    expect(outcome).toMatchObject({ status: 'saved', reloaded: false });
    expect(shown()).toEqual(server.names());
    expect(toasts).toEqual([{ message: RELOAD_FAILED_MESSAGE, tone: 'info' }]);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
  });
});

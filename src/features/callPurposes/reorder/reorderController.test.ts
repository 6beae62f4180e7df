import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, OFFLINE_ERROR_ID } from '../../../lib/apiError';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import { sortForDisplay } from '../displayOrder';
import type { CallPurpose } from '../types';
import { moveIntent, sortByNameIntent } from './intents';
import { planReorder } from './planReorder';
import { REORDER_MUTATION_KEY, createReorderController, type Notify } from './reorderController';
import {
  CONCURRENT_CHANGE_MESSAGE,
  RELOAD_FAILED_MESSAGE,
  UNKNOWN_ORDER_SHOWN,
} from './reorderMessages';
import { deferred } from '../../../testing/deferred';
import { LOCKED_COUNT, SEEDED_NAMES, TOP_ORDER, seededOrder } from './seededList.testing';

/**
 * A stand-in for the API with the emulator's seed: orders 10..80, the first two locked for a
 * manager. PATCHes can be held open or made to fail, and the list can be changed behind the
 * client's back, as another manager would.
 */
function fakeServer({ admin = false }: { admin?: boolean } = {}) {
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
        canWrite: admin || index >= LOCKED_COUNT,
        canDelete: admin || index >= LOCKED_COUNT,
      },
    ]),
  );
  const server = {
    patches: [] as { id: number; order: number }[],
    inFlight: 0,
    peakInFlight: 0,
    gate: null as Promise<void> | null,
    failIds: new Set<number>(),
    /** Purposes whose PATCH cannot reach the server: the connection's fault, not theirs. */
    unreachableIds: new Set<number>(),
    failList: false,
    list: (): Promise<CallPurpose[]> =>
      server.failList
        ? Promise.reject(new ApiError(0, []))
        : Promise.resolve(sortForDisplay([...rows.values()].map((row) => ({ ...row })))),
    names: () => sortForDisplay([...rows.values()]).map((row) => row.name),
    add(id: number, name: string, order: number) {
      const template = rows.get(3);
      if (template) rows.set(id, { ...template, id, name, order });
    },
    remove(id: number) {
      rows.delete(id);
    },
    setOrder(id: number, order: number) {
      const row = rows.get(id);
      if (row) rows.set(id, { ...row, order });
    },
    writeOrder: async (id: number, order: number) => {
      server.inFlight += 1;
      server.peakInFlight = Math.max(server.peakInFlight, server.inFlight);
      try {
        // A refused write answers at once, before the writes sent beside it.
        if (server.failIds.has(id)) {
          throw new ApiError(403, [{ id: 'unauthorizedRequest', detail: 'You may not edit it' }]);
        }
        if (server.unreachableIds.has(id)) throw new ApiError(0, []);
        if (server.gate) await server.gate;
        // Answer asynchronously, as over the network, so that several writes overlap.
        await Promise.resolve();
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

type Button = { label: string; onClick(): void };
type ShownToast = {
  message: string;
  tone?: string;
  action?: Button;
  actions?: readonly Button[];
};

/** Clicks the toast's button named `label`, as the toast would. */
function click(toast: ShownToast | undefined, label: string) {
  const buttons = toast?.actions ?? (toast?.action ? [toast.action] : []);
  const button = buttons.find((candidate) => candidate.label === label);
  if (!button) throw new Error(`no ${label} on ${toast?.message}`);
  button.onClick();
}

const labelsOf = (toast: ShownToast | undefined) =>
  (toast?.actions ?? (toast?.action ? [toast.action] : [])).map((button) => button.label);

async function setup({
  orders,
  admin,
}: { orders?: (index: number) => number; admin?: boolean } = {}) {
  const server = fakeServer({ admin });
  if (orders) SEEDED_NAMES.forEach((_, index) => server.setOrder(index + 1, orders(index)));
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await queryClient.fetchQuery({ ...callPurposesQueryOptions(), queryFn: () => server.list() });
  const controller = createReorderController({
    queryClient,
    writeOrder: (id, order) => server.writeOrder(id, order),
  });
  const toasts: ShownToast[] = [];
  const notify: Notify = (message, options) => toasts.push({ message, ...options });
  const shown = () => (queryClient.getQueryData(listKey) ?? []).map((p) => p.name);
  const byName = (name: string) => {
    const found = queryClient.getQueryData(listKey)?.find((purpose) => purpose.name === name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  const idle = () => vi.waitFor(() => expect(saving()).toBe(false));
  /** Moves Renewal to 3rd with its write held open (on the wire) until `release()`. */
  const moveRenewalHeld = async () => {
    const gate = deferred();
    server.gate = gate.promise;
    const done = controller.request(moveIntent(byName('Renewal'), 2), notify);
    await vi.waitFor(() => expect(server.inFlight).toBe(1));
    return { done, release: () => gate.resolve() };
  };
  return { server, controller, toasts, notify, shown, byName, idle, moveRenewalHeld };
}

/** As if the user's rights let them write every purpose, the locked ones too. */
const mayWriteEverything = () =>
  queryClient.setQueryData(listKey, (list) =>
    list?.map((purpose) => ({ ...purpose, canWrite: true })),
  );

const saving = () => queryClient.isMutating({ mutationKey: REORDER_MUTATION_KEY }) > 0;

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

describe('reorderController', () => {
  it('shows the move at once, sends one PATCH for a move into a gap, then shows the server', async () => {
    const { server, shown, toasts, moveRenewalHeld } = await setup();
    const { done, release } = await moveRenewalHeld();
    expect(saving()).toBe(true);
    expect(shown().slice(0, 4)).toEqual([
      'Initial Contact',
      'Follow Up',
      'Renewal',
      'Discovery Call',
    ]);

    release();
    await expect(done).resolves.toEqual({
      status: 'saved',
      writes: 1,
      asIntended: true,
      reloaded: true,
    });
    expect(server.patches).toEqual([{ id: 8, order: 25 }]);
    expect(shown()).toEqual(server.names());
    expect(saving()).toBe(false);
    expect(toasts).toEqual([expect.objectContaining({ message: 'Order saved.', tone: 'success' })]);
    expect(labelsOf(toasts[0])).toEqual(['Undo']);
  });

  it('keeps the optimistic order when a background refetch starts while the writes are in flight', async () => {
    const { server, shown, moveRenewalHeld } = await setup();
    const { done, release } = await moveRenewalHeld();
    const optimistic = shown();
    // A window-focus or reconnect refetch would read the server before the write lands.
    await queryClient.refetchQueries({ queryKey: listKey });
    expect(shown()).toEqual(optimistic);

    release();
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
    mayWriteEverything();

    const outcome = await controller.request(sortByNameIntent(), notify);
    expect(outcome).toMatchObject({ status: 'failed', failedIds: [7] });
    expect(shown()).toEqual(server.names());
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.tone).toBe('error');
    expect(toasts[0]?.message).toContain('Check-in: You may not edit it.');
    expect(toasts[0]?.message).toContain('The list shows the order saved on the server.');
    expect(labelsOf(toasts[0])).toEqual(['Retry', 'Undo']);

    server.failIds.clear();
    click(toasts[0], 'Retry');
    await vi.waitFor(() => expect(saving()).toBe(false));
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
    mayWriteEverything();
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
    // Shown before the first has finished writing (its onMutate runs while it waits its turn).
    await vi.waitFor(() =>
      expect(shown().slice(0, 5)).toEqual([
        'Initial Contact',
        'Follow Up',
        'Renewal',
        'Check-in',
        'Discovery Call',
      ]),
    );
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
    const { server, shown, toasts, moveRenewalHeld } = await setup();
    const { done, release } = await moveRenewalHeld();
    server.setOrder(3, 1000); // someone else moves Discovery Call to the end, and then …
    server.setOrder(8, 2000); // … Renewal after it, while this write is in flight
    release();
    const outcome = await done;
    expect(outcome).toMatchObject({ status: 'saved', asIntended: false });
    expect(shown()).toEqual(server.names());
    expect(toasts).toEqual([
      expect.objectContaining({ message: CONCURRENT_CHANGE_MESSAGE, tone: 'info' }),
    ]);
    expect(labelsOf(toasts[0])).toEqual(['Undo']);
  });

  it("names the user's move, not the planner's write that failed", async () => {
    // Orders 1–8: Check-in up one place needs Negotiation moved too, and that write fails.
    const { server, controller, notify, shown, byName, toasts } = await setup({
      orders: (index) => index + 1,
    });
    server.unreachableIds.add(byName('Negotiation').id);
    const outcome = await controller.request(moveIntent(byName('Check-in'), 5), notify);
    expect(outcome).toMatchObject({ status: 'failed', failedIds: [byName('Negotiation').id] });
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.message).toBe(
      "Couldn't save moving Check-in. Cannot reach the server. Check your connection and try again. The list shows the order saved on the server.",
    );
    expect(shown()).toEqual(server.names());
    expect(labelsOf(toasts[0])).toEqual(['Retry', 'Undo']);
  });

  it("offline, fails at once without a read that would wait, and says the server's order is unknown", async () => {
    const { server, controller, notify, shown, byName, toasts } = await setup();
    // As apiFetch answers every write while the browser is offline.
    vi.stubGlobal('navigator', { onLine: false });
    server.writeOrder = () => Promise.reject(new ApiError(0, [{ id: OFFLINE_ERROR_ID }]));
    // The list's query would wait for the network: a read now would never answer.
    server.list = () => new Promise<CallPurpose[]>(() => {});
    const before = shown();

    const outcome = await controller.request(moveIntent(byName('Check-in'), 5), notify);
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(shown()).toEqual(before);
    expect(toasts[0]?.message).toBe(
      `Couldn't save moving Check-in. No connection: you are offline. Nothing was sent; try again once you are back online. ${UNKNOWN_ORDER_SHOWN}`,
    );
    expect(labelsOf(toasts[0])).toEqual(['Retry', 'Undo']);
    // Marked stale: the list reads the server again once it is back online.
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
  });

  it('when the list cannot be reloaded, shows what is known to be saved', async () => {
    const { server, controller, notify, shown, byName, toasts } = await setup();
    server.failList = true;
    const outcome = await controller.request(moveIntent(byName('Renewal'), 2), notify);
    expect(outcome).toMatchObject({ status: 'saved', reloaded: false });
    expect(shown()).toEqual(server.names());
    expect(toasts).toEqual([
      expect.objectContaining({ message: RELOAD_FAILED_MESSAGE, tone: 'info' }),
    ]);
    expect(labelsOf(toasts[0])).toEqual(['Undo']);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
  });
});

/** What the planner sends to reach `names` (display order) from the server's current orders. */
function plannedFrom(rows: CallPurpose[], names: string[]) {
  const idOf = (name: string) => rows.find((row) => row.name === name)?.id ?? -1;
  const plan = planReorder({ items: rows, sequence: names.map(idOf) });
  if (!plan.ok) throw new Error(`${plan.reason} (${plan.blockingIds.join(', ')})`);
  return plan.patches;
}

describe('Retry and Undo', () => {
  const ORIGINAL = [...SEEDED_NAMES];
  const INTENDED = [
    'Initial Contact',
    'Follow Up',
    'Renewal',
    'Discovery Call',
    'Demo',
    'Pricing Discussion',
    'Negotiation',
    'Check-in',
  ];
  /** The reproduction: orders 1–8, Renewal moved to 3rd, Demo's PATCH fails. */
  async function failedMove() {
    const context = await setup({ orders: (index) => index + 1 });
    const { server, controller, notify, byName, shown } = context;
    server.failIds.add(byName('Demo').id);
    const outcome = await controller.request(moveIntent(byName('Renewal'), 2), notify);
    expect(outcome).toMatchObject({ status: 'failed', failedIds: [byName('Demo').id] });
    // Three writes landed and one was never sent: the screen says so honestly.
    expect(server.names()).toEqual([
      'Initial Contact',
      'Follow Up',
      'Demo',
      'Check-in',
      'Renewal',
      'Discovery Call',
      'Pricing Discussion',
      'Negotiation',
    ]);
    expect(shown()).toEqual(server.names());
    server.failIds.clear();
    return context;
  }

  it('Retry finishes the intended order from the half-saved one, with the fewest PATCHes', async () => {
    const { server, toasts, shown, idle } = await failedMove();
    expect(labelsOf(toasts[0])).toEqual(['Retry', 'Undo']);
    const expected = plannedFrom(await server.list(), INTENDED);
    const before = server.patches.length;

    click(toasts[0], 'Retry');
    await idle();
    expect(server.names()).toEqual(INTENDED);
    expect(server.patches.slice(before)).toEqual(expected);
    expect(expected).toHaveLength(2);
    expect(shown()).toEqual(INTENDED);
    expect(toasts[1]).toMatchObject({ message: 'Order saved.', tone: 'success' });
  });

  it('Undo after a failed move restores the order before it, not the half-saved one', async () => {
    const { server, toasts, shown, idle } = await failedMove();
    click(toasts[0], 'Undo');
    await idle();
    expect(server.names()).toEqual(ORIGINAL);
    expect(shown()).toEqual(ORIGINAL);
    expect(toasts[1]).toMatchObject({ message: 'Earlier order restored.', tone: 'success' });
    // The Undo's toast offers no Undo: its way forward again is named Redo.
    expect(labelsOf(toasts[1])).toEqual(['Redo']);
    click(toasts[1], 'Redo');
    await idle();
    expect(server.names()).toEqual(INTENDED);
    expect(toasts[2]).toMatchObject({ message: 'Order saved.', tone: 'success' });
    expect(labelsOf(toasts[2])).toEqual(['Undo']);
  });

  it('Undo after Retry goes back to the order before the first attempt', async () => {
    const { server, toasts, idle } = await failedMove();
    click(toasts[0], 'Retry');
    await idle();
    click(toasts[1], 'Undo');
    await idle();
    expect(server.names()).toEqual(ORIGINAL);
  });

  it('Retry says so and shows the server order when a purpose of the sequence was deleted', async () => {
    const { server, toasts, shown, idle, byName } = await failedMove();
    server.remove(byName('Pricing Discussion').id);
    const before = server.patches.length;
    click(toasts[0], 'Retry');
    await idle();
    expect(server.patches.length).toBe(before);
    expect(shown()).toEqual(server.names());
    expect(toasts[1]).toMatchObject({
      tone: 'error',
      message:
        "Can't finish moving Renewal: Pricing Discussion was deleted meanwhile. The list shows the order saved on the server.",
    });
  });

  it('Retry keeps a purpose created meanwhile where it is', async () => {
    const { server, toasts, shown, idle } = await failedMove();
    server.add(9, 'Onboarding', 5); // after Demo (4) on the server, before Check-in (7)
    click(toasts[0], 'Retry');
    await idle();
    expect(server.names()).toEqual([
      'Initial Contact',
      'Follow Up',
      'Renewal',
      'Discovery Call',
      'Demo',
      'Onboarding',
      'Pricing Discussion',
      'Negotiation',
      'Check-in',
    ]);
    expect(shown()).toEqual(server.names());
  });

  it('Retry refuses, naming it, when a locked purpose now stands in the way', async () => {
    const { server, toasts, shown, idle, byName } = await failedMove();
    // An admin moved Initial Contact below Follow Up meanwhile; a manager cannot put it back.
    server.setOrder(byName('Initial Contact').id, 3);
    const before = server.patches.length;
    click(toasts[0], 'Retry');
    await idle();
    expect(server.patches.length).toBe(before);
    expect(shown()).toEqual(server.names());
    expect(toasts[1]?.message).toBe(
      "Can't finish moving Renewal: Initial Contact and Follow Up are locked and keep their place. The list shows the order saved on the server.",
    );
    expect(toasts[1]?.tone).toBe('error');
    // The order before the move has them the other way round too: nothing to offer.
    expect(labelsOf(toasts[1])).toEqual([]);
  });

  it('Retry that cannot read the server writes nothing and still offers Retry and Undo', async () => {
    const { server, toasts, idle } = await failedMove();
    server.failList = true;
    const before = server.patches.length;
    click(toasts[0], 'Retry');
    await idle();
    expect(server.patches.length).toBe(before);
    expect(toasts[1]?.message).toMatch(/^Can't finish moving Renewal: .* Nothing was changed\.$/);
    expect(labelsOf(toasts[1])).toEqual(['Retry', 'Undo']);
    server.failList = false;
    click(toasts[1], 'Retry');
    await idle();
    expect(server.names()).toEqual(INTENDED);
  });

  it('Ctrl+Z undoes a saved move once; pressed again it does nothing, and Redo redoes', async () => {
    const { server, controller, notify, toasts, idle, byName } = await setup();
    const moved = moveIntent(byName('Renewal'), 2);
    await controller.request(moved, notify);
    const intended = server.names();
    expect(toasts).toEqual([expect.objectContaining({ message: 'Order saved.', tone: 'success' })]);
    expect(labelsOf(toasts[0])).toEqual(['Undo']);
    expect(controller.redoLatest()).toBe(false);

    expect(controller.undoLatest()).toBe(true);
    await idle();
    expect(server.names()).toEqual(ORIGINAL);
    expect(toasts[1]).toMatchObject({ message: 'Earlier order restored.', tone: 'success' });
    expect(labelsOf(toasts[1])).toEqual(['Redo']);

    const writes = server.patches.length;
    expect(controller.undoLatest()).toBe(false);
    await idle();
    expect(server.patches.length).toBe(writes);
    expect(server.names()).toEqual(ORIGINAL);

    expect(controller.redoLatest()).toBe(true);
    await idle();
    expect(server.names()).toEqual(intended);
    expect(labelsOf(toasts[2])).toEqual(['Undo']);
    expect(controller.redoLatest()).toBe(false);
  });

  it('a failed Undo says so as an Undo, and offers Retry and Redo, never Undo', async () => {
    const { server, controller, notify, toasts, idle, byName } = await setup();
    await controller.request(moveIntent(byName('Renewal'), 2), notify);
    server.unreachableIds.add(byName('Renewal').id);
    expect(controller.undoLatest()).toBe(true);
    await idle();
    expect(toasts[1]?.message).toMatch(/^Couldn't undo moving Renewal\. Cannot reach the server/);
    expect(labelsOf(toasts[1])).toEqual(['Retry', 'Redo']);
    expect(controller.undoLatest()).toBe(false);

    server.unreachableIds.clear();
    click(toasts[1], 'Retry');
    await idle();
    expect(server.names()).toEqual(ORIGINAL);
    expect(toasts[2]).toMatchObject({ message: 'Earlier order restored.', tone: 'success' });
    expect(labelsOf(toasts[2])).toEqual(['Redo']);
  });

  it('a newer reorder withdraws the earlier Undo from Ctrl+Z', async () => {
    const { server, controller, notify, idle, byName } = await setup();
    await controller.request(moveIntent(byName('Renewal'), 2), notify);
    const gate = deferred();
    server.gate = gate.promise;
    const second = controller.request(moveIntent(byName('Demo'), 2), notify);
    expect(controller.undoLatest()).toBe(false);
    gate.resolve();
    await second;
    await idle();
    expect(controller.undoLatest()).toBe(true);
  });

  it('Undo restores the order before Sort A–Z exactly, with the fewest PATCHes', async () => {
    const { server, controller, notify, toasts, idle } = await setup({ admin: true });
    await controller.request(sortByNameIntent(), notify);
    const sorted = server.names();
    expect(sorted).toEqual([...ORIGINAL].sort((a, b) => a.localeCompare(b)));
    const expected = plannedFrom(await server.list(), ORIGINAL);
    const before = server.patches.length;
    click(toasts[0], 'Undo');
    await idle();
    expect(server.names()).toEqual(ORIGINAL);
    expect(server.patches.slice(before)).toEqual(expected);
  });
});

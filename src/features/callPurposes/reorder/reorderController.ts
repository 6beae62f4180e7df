import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { ToastOptions } from '../../../lib/toast/toastContext';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import type { CallPurpose } from '../types';
import { matchesIntended, sameSequence } from './compareSequences';
import type { ReorderIntent } from './intents';
import {
  applyOrders,
  displaySequence,
  planReorder,
  type OrderPatch,
  type PlanResult,
} from './planReorder';
import {
  CONCURRENT_CHANGE_MESSAGE,
  RELOAD_FAILED_MESSAGE,
  blockedMessage,
  failureMessage,
} from './reorderMessages';
import { runWithConcurrency, type TaskResult } from './runWithConcurrency';
import { createSerialQueue } from './serialQueue';

export type Notify = (message: string, options?: ToastOptions) => void;
export type WriteOrder = (id: number, order: number) => Promise<unknown>;

export type ReorderOutcome =
  | { status: 'unchanged' }
  | { status: 'blocked' }
  | { status: 'saved'; writes: number; asIntended: boolean; reloaded: boolean }
  | { status: 'failed'; writes: number; failedIds: number[] };

export type ReorderController = {
  /** Plans, shows and saves one reorder, after any already in flight. Never rejects. */
  request(intent: ReorderIntent, notify: Notify): Promise<ReorderOutcome>;
  /** True while writes are queued or in flight. */
  readonly saving: boolean;
  subscribe: (listener: () => void) => () => void;
};

export type ReorderControllerOptions = {
  queryClient: QueryClient;
  writeOrder: WriteOrder;
  /** PATCHes in flight at once. */
  concurrency?: number;
};

type Planned =
  | { kind: 'unchanged' }
  | { kind: 'blocked'; result: Extract<PlanResult, { ok: false }> }
  | { kind: 'ok'; sequence: number[]; result: Extract<PlanResult, { ok: true }> };

function plan(items: readonly CallPurpose[], intent: ReorderIntent): Planned {
  const sequence = intent.sequenceFor(items);
  if (sequence === null || sameSequence(sequence, displaySequence(items))) {
    return { kind: 'unchanged' };
  }
  const result = planReorder({ items, sequence });
  return result.ok ? { kind: 'ok', sequence, result } : { kind: 'blocked', result };
}

/**
 * The write side of reordering, outside React so one queue serves every component and so it can
 * be tested against a real QueryClient. The list in the query cache is the only copy on screen:
 * it gets the optimistic order, then exactly what the server answers once the writes settle.
 */
export function createReorderController({
  queryClient,
  writeOrder,
  concurrency = 4,
}: ReorderControllerOptions): ReorderController {
  // Typed by the list's query options: the cache holds CallPurpose[] under this key.
  const listKey = callPurposesQueryOptions().queryKey;
  const queue = createSerialQueue();
  const listeners = new Set<() => void>();
  /** Intents queued behind the running one, still shown on top of its optimistic order. */
  const waiting: ReorderIntent[] = [];

  let writing = false;

  // A refetch that someone else starts while the PATCHes are in flight (window focus, reconnect,
  // another component mounting) would read a half-saved list and show it. Cancelling it reverts
  // the cache to the optimistic order; the refetch after the writes shows the server's answer.
  const listHash = hashKey(listKey);
  queryClient.getQueryCache().subscribe((event) => {
    if (!writing || event.type !== 'updated' || event.action.type !== 'fetch') return;
    if (event.query.queryHash !== listHash) return;
    queueMicrotask(() => void event.query.cancel({ revert: true }));
  });

  const read = () => queryClient.getQueryData(listKey);
  const show = (items: CallPurpose[]) => queryClient.setQueryData(listKey, items);
  const emit = () => listeners.forEach((listener) => listener());

  function withWaiting(items: CallPurpose[]): CallPurpose[] {
    let shown = items;
    for (const intent of waiting) {
      const planned = plan(shown, intent);
      if (planned.kind === 'ok') shown = applyOrders(shown, planned.result.orders);
    }
    return shown;
  }

  function nameIn(items: readonly CallPurpose[]) {
    const names = new Map(items.map((item) => [item.id, item.name]));
    return (id: number) => names.get(id);
  }

  /** Shows what is saved (plus the waiting intents) when this intent turns out to have no writes. */
  function settleWithoutWrites(
    intent: ReorderIntent,
    notify: Notify,
    snapshot: CallPurpose[],
    planned: Exclude<Planned, { kind: 'ok' }>,
  ): ReorderOutcome {
    if (planned.kind === 'blocked') {
      notify(blockedMessage(intent.cannot, planned.result, nameIn(snapshot)), { tone: 'error' });
    }
    if (waiting.length > 0) show(withWaiting(snapshot));
    return { status: planned.kind };
  }

  /** Sends the plan's PATCHes, a few at a time, stopping at the first failure. */
  async function sendPatches(patches: readonly OrderPatch[]) {
    writing = true;
    try {
      return await runWithConcurrency(
        patches,
        concurrency,
        (patch) => writeOrder(patch.id, patch.order),
        { stopOnError: true },
      );
    } finally {
      writing = false;
    }
  }

  /**
   * Replaces the optimistic order with the server's answer. If the list cannot be reloaded, it
   * shows what is known to be saved and leaves the list to refetch later; answers whether the
   * reload worked.
   */
  async function reloadList(
    snapshot: CallPurpose[],
    patches: readonly OrderPatch[],
    writes: readonly TaskResult<unknown>[],
  ): Promise<boolean> {
    try {
      await queryClient.invalidateQueries(
        { queryKey: listKey, refetchType: 'all' },
        { throwOnError: true },
      );
      return true;
    } catch {
      const saved = new Map<number, number | null>();
      writes.forEach((write, index) => {
        const patch = patches[index];
        if (write.status === 'fulfilled' && patch) saved.set(patch.id, patch.order);
      });
      show(applyOrders(snapshot, saved));
      void queryClient.invalidateQueries({ queryKey: listKey, refetchType: 'none' });
      return false;
    }
  }

  /** The writes that failed, named as the user knew the purposes when they asked. */
  function failuresOf(
    snapshot: CallPurpose[],
    patches: readonly OrderPatch[],
    writes: readonly TaskResult<unknown>[],
  ) {
    const nameOf = nameIn(snapshot);
    return writes.flatMap((write, index) => {
      const patch = patches[index];
      return write.status === 'rejected' && patch
        ? [{ id: patch.id, name: nameOf(patch.id) ?? `#${patch.id}`, error: write.reason }]
        : [];
    });
  }

  async function save(intent: ReorderIntent, notify: Notify): Promise<ReorderOutcome> {
    await queryClient.cancelQueries({ queryKey: listKey });
    // After an earlier reorder, this is the server's answer to it: plan against what is saved.
    const snapshot = read();
    if (snapshot === undefined) return { status: 'unchanged' };
    const planned = plan(snapshot, intent);
    if (planned.kind !== 'ok') return settleWithoutWrites(intent, notify, snapshot, planned);

    const { sequence, result } = planned;
    show(withWaiting(applyOrders(snapshot, result.orders)));
    const writes = await sendPatches(result.patches);
    const reloaded = await reloadList(snapshot, result.patches, writes);

    const failures = failuresOf(snapshot, result.patches, writes);
    if (failures.length > 0) {
      notify(failureMessage(failures), {
        tone: 'error',
        action: { label: 'Retry', onClick: () => void request(intent, notify) },
      });
      return {
        status: 'failed',
        writes: result.patches.length,
        failedIds: failures.map((f) => f.id),
      };
    }

    const asIntended = matchesIntended(sequence, displaySequence(read() ?? []));
    if (!reloaded) notify(RELOAD_FAILED_MESSAGE, { tone: 'info' });
    else if (!asIntended) notify(CONCURRENT_CHANGE_MESSAGE, { tone: 'info' });
    return { status: 'saved', writes: result.patches.length, asIntended, reloaded };
  }

  function request(intent: ReorderIntent, notify: Notify): Promise<ReorderOutcome> {
    const items = read();
    if (items === undefined) return Promise.resolve({ status: 'unchanged' });
    const planned = plan(items, intent);
    if (planned.kind === 'unchanged') return Promise.resolve({ status: 'unchanged' });
    if (planned.kind === 'blocked') {
      notify(blockedMessage(intent.cannot, planned.result, nameIn(items)), { tone: 'error' });
      return Promise.resolve({ status: 'blocked' });
    }

    if (queue.size > 0) {
      // Its turn comes after the running writes; show it now so the row does not snap back.
      waiting.push(intent);
      void queryClient.cancelQueries({ queryKey: listKey });
      show(applyOrders(items, planned.result.orders));
    }
    const outcome = queue
      .run(() => {
        const index = waiting.indexOf(intent);
        if (index !== -1) waiting.splice(index, 1);
        return save(intent, notify);
      })
      .finally(emit);
    emit();
    return outcome;
  }

  return {
    request,
    get saving() {
      return queue.size > 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

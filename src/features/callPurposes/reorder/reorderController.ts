import { MutationObserver, hashKey, type QueryClient } from '@tanstack/react-query';
import pLimit from 'p-limit';
import { assertOnline } from '../../../lib/apiClient';
import type { ToastAction, ToastOptions } from '../../../lib/toast/toastContext';
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
  RESTORED_MESSAGE,
  SAVED_MESSAGE,
  SERVER_ORDER_SHOWN,
  blockedMessage,
  failureHeadline,
  failureMessage,
  goneMessage,
  unreachableMessage,
} from './reorderMessages';
import {
  isRestoreIntent,
  missingFrom,
  retryIntent,
  reverseIntent,
  reverseLabel,
  type RememberedReorder,
  type RestoreIntent,
} from './restoreIntents';

export type Notify = (message: string, options?: ToastOptions) => void;
export type WriteOrder = (id: number, order: number) => Promise<unknown>;

export type ReorderOutcome =
  | { status: 'unchanged' }
  | { status: 'blocked' }
  /** Retry or Undo could not read the server's current order first. */
  | { status: 'unreachable' }
  | { status: 'saved'; writes: number; asIntended: boolean; reloaded: boolean }
  | { status: 'failed'; writes: number; failedIds: number[] };

export type ReorderController = {
  /** Plans, shows and saves one reorder, after any already in flight. Never rejects. */
  request(intent: ReorderIntent, notify: Notify): Promise<ReorderOutcome>;
  /**
   * Does what the latest reorder toast's Undo does, while it offers one (Ctrl+Z). Answers whether
   * there was one: after an Undo the toast offers Redo instead, so a second Ctrl+Z does nothing.
   */
  undoLatest(): boolean;
  /** Does what the latest reorder toast's Redo does, while it offers one (Ctrl+Shift+Z). */
  redoLatest(): boolean;
};

/**
 * Every reorder, Retry and Undo is a mutation under this key, in one scope: TanStack Query runs
 * them one after another, so each is planned against what the one before it saved.
 */
export const REORDER_MUTATION_KEY = ['callPurposes', 'reorder'] as const;
const REORDER_SCOPE = { id: 'callPurposes.reorder' };

/** A PATCH of a plan: written, refused, or never sent because an earlier one failed. */
type WriteResult =
  { status: 'fulfilled' } | { status: 'rejected'; reason: unknown } | { status: 'skipped' };

export type ReorderControllerOptions = {
  queryClient: QueryClient;
  writeOrder: WriteOrder;
  /** PATCHes in flight at once. */
  concurrency?: number;
};

/**
 * Every reorder toast replaces the previous one: only the latest offers Undo. A toast with a
 * button stays until it is used or dismissed.
 */
const TOAST_GROUP = 'reorder';

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
 * The write side of reordering: what a reorder, Retry and Undo mean, what they say, and the
 * order they run in (TanStack Query mutations in one scope). Outside React so it can be tested
 * against a real QueryClient. The list in the query cache is the only copy on screen: it gets
 * the optimistic order, then exactly what the server answers once the writes settle.
 */
export function createReorderController({
  queryClient,
  writeOrder,
  concurrency = 4,
}: ReorderControllerOptions): ReorderController {
  // Typed by the list's query options: the cache holds CallPurpose[] under this key.
  const listKey = callPurposesQueryOptions().queryKey;
  const listHash = hashKey(listKey);
  /** Intents queued behind the running one, still shown on top of its optimistic order. */
  const waiting: ReorderIntent[] = [];
  /** The Undo or Redo the latest reorder toast offers, until it is used or another reorder starts. */
  let offered: ToastAction | null = null;

  const read = () => queryClient.getQueryData(listKey);
  const show = (items: CallPurpose[]) => queryClient.setQueryData(listKey, items);

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
    if (waiting.length > 0) show(withWaiting(snapshot));
    if (isRestoreIntent(intent))
      return settleRestoreWithoutWrites(intent, notify, snapshot, planned);
    if (planned.kind === 'blocked') {
      notify(blockedMessage(intent.cannot, planned.result, nameIn(snapshot)), { tone: 'error' });
    }
    return { status: planned.kind };
  }

  /**
   * Retry or Undo that needs no write: the server already holds its sequence (say so, and offer
   * the way back), or cannot reach it (say why; the list shows the server's order).
   */
  function settleRestoreWithoutWrites(
    intent: RestoreIntent,
    notify: Notify,
    snapshot: CallPurpose[],
    planned: Exclude<Planned, { kind: 'ok' }>,
  ): ReorderOutcome {
    if (planned.kind === 'unchanged' && intent.sequenceFor(snapshot) !== null) {
      offerWayBack(intent.remembers, notify, doneMessage(intent.remembers), 'success');
      return { status: 'unchanged' };
    }
    const missing = missingFrom(intent.target, displaySequence(snapshot));
    const message =
      planned.kind === 'blocked'
        ? `${blockedMessage(intent.cannot, planned.result, nameIn(snapshot))} ${SERVER_ORDER_SHOWN}`
        : goneMessage(
            intent.cannot,
            missing.map((id) => intent.remembers.names.get(id) ?? `#${id}`),
          );
    // The other way may still be open (a locked purpose blocks the new order, not the old one).
    const wayOpen = plan(snapshot, reverseIntent(intent.remembers)).kind === 'ok';
    notify(message, {
      tone: 'error',
      actions: wayOpen ? [wayBack(intent.remembers, notify)] : [],
      group: TOAST_GROUP,
    });
    return { status: 'blocked' };
  }

  const doneMessage = (reorder: RememberedReorder) =>
    reorder.undone ? RESTORED_MESSAGE : SAVED_MESSAGE;

  /** The toast after a saved reorder: what happened, and the way back (Undo, or Redo). */
  function offerWayBack(
    reorder: RememberedReorder,
    notify: Notify,
    message: string,
    tone: 'success' | 'info',
  ) {
    notify(message, { tone, actions: [wayBack(reorder, notify)], group: TOAST_GROUP });
  }

  /** The toast after a failed reorder: Retry finishes it, Undo (or Redo) goes back to before it. */
  function offerRetryAndWayBack(reorder: RememberedReorder, notify: Notify, message: string) {
    const retry = { label: 'Retry', onClick: () => void request(retryIntent(reorder), notify) };
    notify(message, {
      tone: 'error',
      actions: [retry, wayBack(reorder, notify)],
      group: TOAST_GROUP,
    });
  }

  /**
   * The button back to the order before `reorder` — "Undo", or "Redo" once it was an Undo —
   * made the one Ctrl+Z (or Ctrl+Shift+Z) runs too, at most once.
   */
  function wayBack(reorder: RememberedReorder, notify: Notify): ToastAction {
    const action: ToastAction = {
      label: reverseLabel(reorder),
      // `request` withdraws it from Ctrl+Z first: it runs once from there.
      onClick: () => void request(reverseIntent(reorder), notify),
    };
    offered = action;
    return action;
  }

  /**
   * Reads the server's list again. Offline it fails at once: the list's query would wait for the
   * network, holding this reorder (and its toast) until then.
   */
  async function refetchList(): Promise<void> {
    assertOnline();
    await queryClient.invalidateQueries(
      { queryKey: listKey, refetchType: 'all' },
      { throwOnError: true },
    );
  }

  /** Retry and Undo plan from the server's current orders, not from what was last shown. */
  async function refetchForRestore(intent: RestoreIntent, notify: Notify): Promise<boolean> {
    try {
      await refetchList();
      return true;
    } catch (error) {
      offerRetryAndWayBack(intent.remembers, notify, unreachableMessage(intent.cannot, error));
      return false;
    }
  }

  /** Sends the plan's PATCHes, a few at a time, sending no more after the first failure. */
  async function sendPatches(patches: readonly OrderPatch[]): Promise<WriteResult[]> {
    // A refetch that someone else starts meanwhile (window focus, another component mounting)
    // would read a half-saved list and show it. Cancelling it reverts the cache to the
    // optimistic order; the refetch after the writes shows the server's answer.
    const stopCancelling = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'fetch') return;
      if (event.query.queryHash === listHash) {
        queueMicrotask(() => void event.query.cancel({ revert: true }));
      }
    });
    const limit = pLimit(concurrency);
    let failed = false;
    try {
      return await Promise.all(
        patches.map((patch) =>
          limit(async (): Promise<WriteResult> => {
            if (failed) return { status: 'skipped' };
            try {
              await writeOrder(patch.id, patch.order);
              return { status: 'fulfilled' };
            } catch (reason) {
              failed = true;
              return { status: 'rejected', reason };
            }
          }),
        ),
      );
    } finally {
      stopCancelling();
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
    writes: readonly WriteResult[],
  ): Promise<boolean> {
    try {
      await refetchList();
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
    writes: readonly WriteResult[],
  ) {
    const nameOf = nameIn(snapshot);
    return writes.flatMap((write, index) => {
      const patch = patches[index];
      return write.status === 'rejected' && patch
        ? [{ id: patch.id, name: nameOf(patch.id) ?? `#${patch.id}`, error: write.reason }]
        : [];
    });
  }

  /**
   * Plans against what is saved (`saved`, what the list showed before this reorder's optimistic
   * order, when nothing ran before it; else the server's answer to the reorder before), shows the
   * plan, writes it and shows the server's answer.
   */
  async function save(
    intent: ReorderIntent,
    notify: Notify,
    saved: CallPurpose[] | undefined,
  ): Promise<ReorderOutcome> {
    await queryClient.cancelQueries({ queryKey: listKey });
    if (isRestoreIntent(intent) && !(await refetchForRestore(intent, notify))) {
      if (waiting.length > 0) show(withWaiting(read() ?? []));
      return { status: 'unreachable' };
    }
    const snapshot = isRestoreIntent(intent) ? read() : (saved ?? read());
    if (snapshot === undefined) return { status: 'unchanged' };
    const planned = plan(snapshot, intent);
    if (planned.kind !== 'ok') return settleWithoutWrites(intent, notify, snapshot, planned);

    const { sequence, result } = planned;
    const remembered = remember(intent, snapshot, sequence);
    show(withWaiting(applyOrders(snapshot, result.orders)));
    const writes = await sendPatches(result.patches);
    const reloaded = await reloadList(snapshot, result.patches, writes);

    const failures = failuresOf(snapshot, result.patches, writes);
    if (failures.length > 0) {
      const headline = failureHeadline(remembered.what, remembered.undone);
      offerRetryAndWayBack(remembered, notify, failureMessage(headline, failures, reloaded));
      return {
        status: 'failed',
        writes: result.patches.length,
        failedIds: failures.map((f) => f.id),
      };
    }

    const asIntended = matchesIntended(sequence, displaySequence(read() ?? []));
    if (!reloaded) offerWayBack(remembered, notify, RELOAD_FAILED_MESSAGE, 'info');
    else if (!asIntended) offerWayBack(remembered, notify, CONCURRENT_CHANGE_MESSAGE, 'info');
    else offerWayBack(remembered, notify, doneMessage(remembered), 'success');
    return { status: 'saved', writes: result.patches.length, asIntended, reloaded };
  }

  function request(intent: ReorderIntent, notify: Notify): Promise<ReorderOutcome> {
    const items = read();
    if (items === undefined) return Promise.resolve({ status: 'unchanged' });
    const planned = plan(items, intent);
    // Retry and Undo always go to the server: what it holds now decides, not what is shown.
    if (!isRestoreIntent(intent)) {
      if (planned.kind === 'unchanged') return Promise.resolve({ status: 'unchanged' });
      if (planned.kind === 'blocked') {
        notify(blockedMessage(intent.cannot, planned.result, nameIn(items)), { tone: 'error' });
        return Promise.resolve({ status: 'blocked' });
      }
    }
    // A new reorder makes the previous one's Undo stale: Ctrl+Z waits for this one's.
    offered = null;
    const queued = queryClient.isMutating({ mutationKey: REORDER_MUTATION_KEY }) > 0;
    const mutation = new MutationObserver<ReorderOutcome, Error, void>(queryClient, {
      mutationKey: REORDER_MUTATION_KEY,
      scope: REORDER_SCOPE,
      // Offline, the PATCHes fail and say so (with Retry) rather than wait unseen.
      networkMode: 'always',
      // The optimistic order, at once, even behind a reorder still saving: the row stays put.
      onMutate: async () => {
        if (queued) waiting.push(intent);
        await queryClient.cancelQueries({ queryKey: listKey });
        if (planned.kind === 'ok') show(applyOrders(items, planned.result.orders));
      },
      mutationFn: () => {
        const index = waiting.indexOf(intent);
        if (index !== -1) waiting.splice(index, 1);
        return save(intent, notify, queued ? undefined : items);
      },
    });
    return mutation.mutate();
  }

  /** The sequence before and the one asked for; Retry and Undo carry theirs along. */
  function remember(
    intent: ReorderIntent,
    snapshot: readonly CallPurpose[],
    sequence: readonly number[],
  ): RememberedReorder {
    if (isRestoreIntent(intent)) return { ...intent.remembers, intended: sequence };
    return {
      before: displaySequence(snapshot),
      intended: sequence,
      names: new Map(snapshot.map((item) => [item.id, item.name])),
      what: intent.what,
      undone: false,
    };
  }

  /** Runs the latest toast's way back if it is called `label`; answers whether it did. */
  function runOffered(label: 'Undo' | 'Redo'): boolean {
    if (offered?.label !== label) return false;
    offered.onClick();
    return true;
  }

  return {
    request,
    undoLatest: () => runOffered('Undo'),
    redoLatest: () => runOffered('Redo'),
  };
}

import { MutationObserver, hashKey, type QueryClient } from '@tanstack/react-query';
import pLimit from 'p-limit';
import { assertOnline } from '../../../lib/apiClient';
import type { ToastAction, ToastOptions, ToastTone } from '../../../lib/toast/toastContext';
import { callPurposesQueryOptions } from '../api/getCallPurposes';
import type { CallPurpose } from '../types';
import {
  isRestoreIntent,
  matchesIntended,
  missingFrom,
  retryIntent,
  reverseIntent,
  reverseLabel,
  sameSequence,
  type RememberedReorder,
  type ReorderIntent,
  type RestoreIntent,
} from './intents';
import { applyOrders, displaySequence, planReorder, type OrderPatch } from './planReorder';
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
  undoLatest: () => boolean;
  /** Does what the latest reorder toast's Redo does, while it offers one (Ctrl+Shift+Z). */
  redoLatest: () => boolean;
};

/**
 * Every reorder, Retry and Undo is a mutation under this key, in one scope: TanStack Query runs
 * them one after another, so each is planned against what the one before it saved.
 */
export const REORDER_MUTATION_KEY = ['callPurposes', 'reorder'] as const;
const REORDER_SCOPE = { id: 'callPurposes.reorder' };

/**
 * Every reorder toast replaces the previous one: only the latest offers Undo. A toast with a
 * button stays until it is used or dismissed.
 */
const TOAST_GROUP = 'reorder';

type Planned = ReturnType<typeof plan>;

function plan(items: readonly CallPurpose[], intent: ReorderIntent) {
  const sequence = intent.sequenceFor(items);
  if (sequence === null || sameSequence(sequence, displaySequence(items))) {
    return { kind: 'unchanged' } as const;
  }
  const result = planReorder({ items, sequence });
  return result.ok
    ? ({ kind: 'ok', sequence, result } as const)
    : ({ kind: 'blocked', result } as const);
}

const nameIn = (items: readonly CallPurpose[]) => {
  const names = new Map(items.map((item) => [item.id, item.name]));
  return (id: number) => names.get(id);
};

/** Sends the PATCHes a few at a time, none after the first failure: what was saved, what failed. */
async function writeAll(patches: readonly OrderPatch[], writeOrder: WriteOrder, at: number) {
  const limit = pLimit(at);
  const saved = new Map<number, number>();
  const failed: { id: number; error: unknown }[] = [];
  await Promise.all(
    patches.map((patch) =>
      limit(async () => {
        if (failed.length > 0) return;
        try {
          await writeOrder(patch.id, patch.order);
          saved.set(patch.id, patch.order);
        } catch (error) {
          failed.push({ id: patch.id, error });
        }
      }),
    ),
  );
  return { saved, failed };
}

export type ReorderControllerOptions = {
  queryClient: QueryClient;
  writeOrder: WriteOrder;
  /** PATCHes in flight at once. */
  concurrency?: number;
};

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
  /** The Undo or Redo the latest reorder toast offers, until it is used or another reorder starts. */
  let offered: ToastAction | null = null;

  const read = () => queryClient.getQueryData(listKey);
  const show = (items: CallPurpose[]) => queryClient.setQueryData(listKey, items);
  /** Reorders waiting their turn in the scope, still shown on top of the running one's order. */
  const waiting = () =>
    queryClient
      .getMutationCache()
      .findAll({ mutationKey: REORDER_MUTATION_KEY, predicate: (m) => m.state.isPaused })
      .map((mutation) => mutation.state.variables as ReorderIntent);
  const showWithWaiting = (items: CallPurpose[]) =>
    show(
      waiting().reduce((shown, intent) => {
        const planned = plan(shown, intent);
        return planned.kind === 'ok' ? applyOrders(shown, planned.result.orders) : shown;
      }, items),
    );
  const doneMessage = (reorder: RememberedReorder) =>
    reorder.undone ? RESTORED_MESSAGE : SAVED_MESSAGE;

  /**
   * Says how a reorder ended. After a failure the toast offers Retry; while the way back is open
   * it offers it ("Undo", or "Redo" once it was an Undo), which Ctrl+Z (or Ctrl+Shift+Z) runs
   * too, at most once: `request` withdraws it first.
   */
  function tell(
    notify: Notify,
    message: string,
    tone: ToastTone,
    reorder: RememberedReorder,
    { retry = false, wayBack = true } = {},
  ) {
    const actions: ToastAction[] = [];
    if (retry) {
      actions.push({ label: 'Retry', onClick: () => void request(retryIntent(reorder), notify) });
    }
    if (wayBack) {
      const back = reverseIntent(reorder);
      offered = { label: reverseLabel(reorder), onClick: () => void request(back, notify) };
      actions.push(offered);
    }
    notify(message, { tone, actions, group: TOAST_GROUP });
  }

  /** A reorder with nothing to write says nothing; one the plan refuses says why. */
  function withoutWrites(
    intent: ReorderIntent,
    notify: Notify,
    items: readonly CallPurpose[],
    planned: Exclude<Planned, { kind: 'ok' }>,
  ): ReorderOutcome {
    if (planned.kind === 'blocked') {
      notify(blockedMessage(intent.cannot, planned.result, nameIn(items)), { tone: 'error' });
    }
    return { status: planned.kind };
  }

  /**
   * Retry or Undo that needs no write: the server already holds its sequence (say so, and offer
   * the way back), or cannot reach it (say why; the list shows the server's order).
   */
  function restoreWithoutWrites(
    intent: RestoreIntent,
    notify: Notify,
    snapshot: CallPurpose[],
    planned: Exclude<Planned, { kind: 'ok' }>,
  ): ReorderOutcome {
    const reorder = intent.remembers;
    if (planned.kind === 'unchanged' && intent.sequenceFor(snapshot) !== null) {
      tell(notify, doneMessage(reorder), 'success', reorder);
      return { status: 'unchanged' };
    }
    const missing = missingFrom(intent.target, displaySequence(snapshot));
    const message =
      planned.kind === 'blocked'
        ? `${blockedMessage(intent.cannot, planned.result, nameIn(snapshot))} ${SERVER_ORDER_SHOWN}`
        : goneMessage(
            intent.cannot,
            missing.map((id) => reorder.names.get(id) ?? `#${id}`),
          );
    // The other way may still be open (a locked purpose blocks the new order, not the old one).
    const wayBack = plan(snapshot, reverseIntent(reorder)).kind === 'ok';
    tell(notify, message, 'error', reorder, { wayBack });
    return { status: 'blocked' };
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

  /**
   * Sends the plan's PATCHes. A refetch someone else starts meanwhile (window focus, another
   * component mounting) would read a half-saved list and show it: it is cancelled, which reverts
   * the cache to the optimistic order; the refetch after the writes shows the server's answer.
   */
  async function sendPatches(patches: readonly OrderPatch[]) {
    const stopCancelling = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'fetch') return;
      if (event.query.queryHash === listHash) {
        queueMicrotask(() => void event.query.cancel({ revert: true }));
      }
    });
    try {
      return await writeAll(patches, writeOrder, concurrency);
    } finally {
      stopCancelling();
    }
  }

  /**
   * Replaces the optimistic order with the server's answer. If the list cannot be reloaded, it
   * shows what is known to be saved and leaves the list to refetch later; answers whether the
   * reload worked.
   */
  async function reloadList(snapshot: CallPurpose[], saved: ReadonlyMap<number, number>) {
    try {
      await refetchList();
      return true;
    } catch {
      show(applyOrders(snapshot, saved));
      void queryClient.invalidateQueries({ queryKey: listKey, refetchType: 'none' });
      return false;
    }
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
    const restore = isRestoreIntent(intent) ? intent : null;
    if (restore !== null) {
      // Retry and Undo plan from the server's current orders, not from what was last shown.
      try {
        await refetchList();
      } catch (error) {
        showWithWaiting(read() ?? []);
        const message = unreachableMessage(restore.cannot, error);
        tell(notify, message, 'error', restore.remembers, { retry: true });
        return { status: 'unreachable' };
      }
    }
    const snapshot = restore !== null ? read() : (saved ?? read());
    if (snapshot === undefined) return { status: 'unchanged' };
    const planned = plan(snapshot, intent);
    if (planned.kind !== 'ok') {
      showWithWaiting(snapshot);
      return restore !== null
        ? restoreWithoutWrites(restore, notify, snapshot, planned)
        : withoutWrites(intent, notify, snapshot, planned);
    }

    const { sequence, result } = planned;
    const remembered = remember(intent, snapshot, sequence);
    showWithWaiting(applyOrders(snapshot, result.orders));
    const writes = await sendPatches(result.patches);
    const reloaded = await reloadList(snapshot, writes.saved);

    if (writes.failed.length > 0) {
      const nameOf = nameIn(snapshot);
      const failures = writes.failed.map(({ id, error }) => ({
        name: nameOf(id) ?? `#${id}`,
        error,
      }));
      const headline = failureHeadline(remembered.what, remembered.undone);
      tell(notify, failureMessage(headline, failures, reloaded), 'error', remembered, {
        retry: true,
      });
      const failedIds = writes.failed.map((failure) => failure.id);
      return { status: 'failed', writes: result.patches.length, failedIds };
    }

    const asIntended = matchesIntended(sequence, displaySequence(read() ?? []));
    if (!reloaded) tell(notify, RELOAD_FAILED_MESSAGE, 'info', remembered);
    else if (!asIntended) tell(notify, CONCURRENT_CHANGE_MESSAGE, 'info', remembered);
    else tell(notify, doneMessage(remembered), 'success', remembered);
    return { status: 'saved', writes: result.patches.length, asIntended, reloaded };
  }

  function request(intent: ReorderIntent, notify: Notify): Promise<ReorderOutcome> {
    const items = read();
    if (items === undefined) return Promise.resolve({ status: 'unchanged' });
    const planned = plan(items, intent);
    // Retry and Undo always go to the server: what it holds now decides, not what is shown.
    if (!isRestoreIntent(intent) && planned.kind !== 'ok') {
      return Promise.resolve(withoutWrites(intent, notify, items, planned));
    }
    // A new reorder makes the previous one's Undo stale: Ctrl+Z waits for this one's.
    offered = null;
    const queued = queryClient.isMutating({ mutationKey: REORDER_MUTATION_KEY }) > 0;
    const mutation = new MutationObserver<ReorderOutcome, Error, ReorderIntent>(queryClient, {
      mutationKey: REORDER_MUTATION_KEY,
      scope: REORDER_SCOPE,
      // Offline, the PATCHes fail and say so (with Retry) rather than wait unseen.
      networkMode: 'always',
      // The optimistic order, at once, even behind a reorder still saving: the row stays put.
      onMutate: async () => {
        await queryClient.cancelQueries({ queryKey: listKey });
        if (planned.kind === 'ok') show(applyOrders(items, planned.result.orders));
      },
      mutationFn: () => save(intent, notify, queued ? undefined : items),
    });
    return mutation.mutate(intent);
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

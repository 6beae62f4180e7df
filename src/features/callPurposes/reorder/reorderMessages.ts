import { isApiError } from '../../../lib/apiError';
import { describeError } from '../../../lib/describeError';

/** "A", "A and B", "A, B and C"; long lists end with "and N more". */
export function joinNames(names: readonly string[], max = 3): string {
  const shown = names.length > max ? [...names.slice(0, max), `${names.length - max} more`] : names;
  if (shown.length <= 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

type Blocked = { reason: 'locked' | 'noRoom' | 'invalid'; blockingIds: readonly number[] };

/**
 * Why a reorder cannot happen, naming the purposes in the way. `cannot` says what was refused,
 * e.g. "Can't move Demo there" or "Can't sort A–Z".
 */
export function blockedMessage(
  cannot: string,
  plan: Blocked,
  nameOf: (id: number) => string | undefined,
): string {
  const names = plan.blockingIds.flatMap((id) => nameOf(id) ?? []);
  if (plan.reason === 'locked' && names.length > 0) {
    const verb = names.length === 1 ? 'is locked and keeps its' : 'are locked and keep their';
    return `${cannot}: ${joinNames(names)} ${verb} place.`;
  }
  if (plan.reason === 'noRoom' && names.length > 0) {
    return `${cannot}: there is no free position next to ${joinNames(names)}, which you can't change.`;
  }
  return `${cannot}: the list changed meanwhile. Please try again.`;
}

export type WriteFailure = { name: string; error: unknown };

export const SERVER_ORDER_SHOWN = 'The list shows the order saved on the server.';
export const UNKNOWN_ORDER_SHOWN =
  "The list shows the last order known to be saved; the server's order is unknown until it can be reached.";

/** A refusal or a deletion is about one purpose, worth naming; a lost connection is not. */
const aboutThePurpose = (error: unknown) =>
  isApiError(error) &&
  error.status >= 400 &&
  error.status < 500 &&
  ![401, 429].includes(error.status);

/**
 * A reorder whose writes failed, told as the user's gesture ("Couldn't save moving Check-in."),
 * each reason once, and what the list shows now: the server's order if it could be reloaded.
 */
export function failureMessage(
  headline: string,
  failures: readonly WriteFailure[],
  reloaded: boolean,
): string {
  const reasons = [
    ...new Set(
      failures.map(({ name, error }) =>
        aboutThePurpose(error) ? `${name}: ${describeError(error)}` : describeError(error),
      ),
    ),
  ];
  const more = reasons.length > 3 ? ` And ${reasons.length - 3} more.` : '';
  const shown = reloaded ? SERVER_ORDER_SHOWN : UNKNOWN_ORDER_SHOWN;
  return `${headline}. ${reasons.slice(0, 3).join(' ')}${more} ${shown}`;
}

/** "Couldn't save moving Check-in", or "Couldn't undo moving Check-in" for a failed Undo. */
export function failureHeadline(what: string, undone: boolean): string {
  return `Couldn't ${undone ? 'undo' : 'save'} ${what}`;
}

export const CONCURRENT_CHANGE_MESSAGE =
  'Someone else changed the order while yours was being saved. ' + SERVER_ORDER_SHOWN;

export const RELOAD_FAILED_MESSAGE =
  "The new order was saved, but the list couldn't be reloaded to confirm it.";

export const SAVED_MESSAGE = 'Order saved.';
export const RESTORED_MESSAGE = 'Earlier order restored.';

/** Retry or Undo found a purpose of its sequence deleted, e.g. "Can't …: Demo was deleted …". */
export function goneMessage(cannot: string, names: readonly string[]): string {
  const verb = names.length === 1 ? 'was' : 'were';
  return `${cannot}: ${joinNames(names)} ${verb} deleted meanwhile. ${SERVER_ORDER_SHOWN}`;
}

/** Retry or Undo could not read the server's current order, so it wrote nothing. */
export function unreachableMessage(cannot: string, error: unknown): string {
  return `${cannot}: ${describeError(error)} Nothing was changed.`;
}

/** What a screen reader hears about one purpose; positions are 1-based, as people count. */
export type Placement = { name: string; position: number; total: number };

export const reorderInstructions =
  'To reorder, press Space or Enter to pick up the call purpose, use the up and down arrow ' +
  'keys to move it (Page Up and Page Down move ten places, Home and End to either end), then ' +
  'press Space or Enter to drop it, or Escape to cancel.';

export function pickedUpText({ name, position, total }: Placement): string {
  return `Picked up ${name}, position ${position} of ${total}.`;
}

export function movedText({ name, position, total }: Placement): string {
  return `${name} moved to position ${position} of ${total}.`;
}

export function droppedText({ name, position, total }: Placement): string {
  return `${name} dropped at position ${position} of ${total}.`;
}

export function cancelledText({ name, position, total }: Placement): string {
  return `Reordering cancelled. ${name} returned to position ${position} of ${total}.`;
}

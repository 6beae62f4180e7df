// A gesture's writes (a move's PATCHes, an Add several batch, a Sort A–Z, an Undo) carry the same
// change id, a UUID the SPA makes per gesture, so the history shows them as one change.

export const CHANGE_ID_HEADER = 'X-Change-Id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isChangeId(value: string): boolean {
  return UUID.test(value);
}

/** True when both list the same ids in the same order. */
export function sameSequence(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, index) => b[index] === id);
}

/**
 * Whether the server ended up with the order this user intended, judged only on the purposes
 * both lists hold: a purpose someone else created or deleted meanwhile is not a reorder.
 */
export function matchesIntended(intended: readonly number[], actual: readonly number[]): boolean {
  const inActual = new Set(actual);
  const inIntended = new Set(intended);
  return sameSequence(
    intended.filter((id) => inActual.has(id)),
    actual.filter((id) => inIntended.has(id)),
  );
}

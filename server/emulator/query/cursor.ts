/**
 * Opaque keyset cursors: the sort values and id of a boundary row, plus the sort they belong
 * to. Keyset rather than offset cursors, so that inserts and deletes between page requests
 * neither skip nor repeat rows.
 */
import { invalidQueryParameter } from '../http/errors';
import type { SortKey } from './parameters';

export type CursorValue = string | number | null;
/** One value per sort key, in the same order as the sort. */
export type CursorValues = CursorValue[];

function signature(sort: readonly SortKey[]): string {
  return sort.map((key) => `${key.descending ? '-' : ''}${key.field}`).join(',');
}

export function encodeCursor(sort: readonly SortKey[], values: CursorValues): string {
  return Buffer.from(JSON.stringify([signature(sort), ...values]), 'utf8').toString('base64url');
}

function valueFits(key: SortKey, value: unknown): boolean {
  switch (key.field) {
    case 'id':
      return Number.isSafeInteger(value);
    case 'order':
      return value === null || Number.isSafeInteger(value);
    case 'name':
    case 'createdAt':
    case 'updatedAt':
      return typeof value === 'string';
  }
}

export function decodeCursor(
  parameter: string,
  token: string,
  sort: readonly SortKey[],
): CursorValues {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidQueryParameter(parameter, 'The cursor is not one this API issued.');
  }
  if (!Array.isArray(decoded) || decoded.length !== sort.length + 1) {
    throw invalidQueryParameter(parameter, 'The cursor is not one this API issued.');
  }
  const [cursorSignature, ...values] = decoded as unknown[];
  if (cursorSignature !== signature(sort)) {
    throw invalidQueryParameter(
      parameter,
      'The cursor belongs to a different sort; follow the links of the same query.',
    );
  }
  if (!sort.every((key, index) => valueFits(key, values[index]))) {
    throw invalidQueryParameter(parameter, 'The cursor is not one this API issued.');
  }
  return values as CursorValues;
}

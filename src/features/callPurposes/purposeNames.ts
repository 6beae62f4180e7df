import type { CallPurpose } from './types';

/** Two names count as the same when they differ only in case and spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/gu, '');
}

/** Another purpose whose name would read the same as `name`, if any. */
export function findDuplicateName(
  name: string,
  purposes: readonly Pick<CallPurpose, 'id' | 'name'>[],
  exceptId?: number,
): Pick<CallPurpose, 'id' | 'name'> | undefined {
  const key = nameKey(name);
  if (key === '') return undefined;
  return purposes.find((purpose) => purpose.id !== exceptId && nameKey(purpose.name) === key);
}

/** Search as you type: every word of the query must appear in the name, any case. */
export function filterByName<T extends Pick<CallPurpose, 'name'>>(
  purposes: readonly T[],
  query: string,
): readonly T[] {
  const words = query.toLocaleLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return purposes;
  return purposes.filter((purpose) => {
    const name = purpose.name.toLocaleLowerCase();
    return words.every((word) => name.includes(word));
  });
}

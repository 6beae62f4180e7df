import { describe, expect, it } from 'vitest';
import { filterByName, findDuplicateName, nameKey } from './purposeNames';

const purposes = [
  { id: 1, name: 'Initial Contact' },
  { id: 2, name: 'Follow Up' },
  { id: 3, name: 'Demo' },
];

describe('findDuplicateName', () => {
  it('ignores case and spaces', () => {
    expect(findDuplicateName('  follow   up ', purposes)?.id).toBe(2);
    expect(findDuplicateName('FOLLOWUP', purposes)?.id).toBe(2);
    expect(findDuplicateName('DEMO', purposes)?.id).toBe(3);
  });

  it('does not count the purpose being edited', () => {
    expect(findDuplicateName('Demo', purposes, 3)).toBeUndefined();
    expect(findDuplicateName('demo', purposes, 2)?.id).toBe(3);
  });

  it('finds nothing for new or blank names', () => {
    expect(findDuplicateName('Pricing', purposes)).toBeUndefined();
    expect(findDuplicateName('   ', purposes)).toBeUndefined();
  });

  it('treats compatibility forms alike', () => {
    expect(nameKey('Ｄｅｍｏ')).toBe(nameKey('demo'));
  });
});

describe('filterByName', () => {
  it('returns everything for an empty query', () => {
    expect(filterByName(purposes, '  ')).toBe(purposes);
  });

  it('matches every word anywhere in the name, any case', () => {
    expect(filterByName(purposes, 'up').map((p) => p.id)).toEqual([2]);
    expect(filterByName(purposes, 'CONTACT initial').map((p) => p.id)).toEqual([1]);
    expect(filterByName(purposes, 'o').map((p) => p.id)).toEqual([1, 2, 3]);
    expect(filterByName(purposes, 'zzz')).toEqual([]);
  });
});

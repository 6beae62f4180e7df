import { describe, expect, it } from 'vitest';
import { describeEntry, timeAgo } from './describeEntry';

const entry = { id: 1, at: '2026-12-01T09:00:00Z', purposeId: 5 };

describe('describeEntry', () => {
  it('says what happened to which purpose', () => {
    expect(
      describeEntry({
        ...entry,
        action: 'created',
        before: null,
        after: { name: 'Demo', order: 1 },
      }),
    ).toBe('Added “Demo”');
    expect(
      describeEntry({
        ...entry,
        action: 'deleted',
        before: { name: 'Demo', order: 1 },
        after: null,
      }),
    ).toBe('Deleted “Demo”');
    expect(
      describeEntry({
        ...entry,
        action: 'updated',
        before: { name: 'Demo', order: 1 },
        after: { name: 'Product Demo', order: 1 },
      }),
    ).toBe('Renamed “Demo” to “Product Demo”');
    expect(
      describeEntry({
        ...entry,
        action: 'updated',
        before: { name: 'Demo', order: 4000 },
        after: { name: 'Demo', order: 1500 },
      }),
    ).toBe('Moved “Demo” (order 4,000 → 1,500)');
    expect(
      describeEntry({
        ...entry,
        action: 'updated',
        before: { name: 'Demo', order: 1 },
        after: { name: 'Pitch', order: 2 },
      }),
    ).toBe('Renamed “Demo” to “Pitch”, moved (order 1 → 2)');
  });
});

describe('timeAgo', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  it('says how long ago, in the largest whole unit', () => {
    expect(timeAgo('2026-12-03T11:59:30Z', now)).toBe('just now');
    expect(timeAgo('2026-12-03T11:57:00Z', now)).toBe('3 minutes ago');
    expect(timeAgo('2026-12-03T09:00:00Z', now)).toBe('3 hours ago');
    expect(timeAgo('2026-12-02T11:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2026-11-01T12:00:00Z', now)).toBe('last month');
  });
});

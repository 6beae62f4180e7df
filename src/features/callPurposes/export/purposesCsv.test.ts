import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/csv';
import type { CallPurpose } from '../types';
import { csvFileName, purposesToCsv } from './purposesCsv';

function purpose(id: number, name: string, order: number | null): CallPurpose {
  return {
    id,
    name,
    order,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-21T11:00:00.000Z',
    creatorId: 1,
    creatorName: 'Alex Morgan',
    canWrite: true,
    canDelete: true,
  };
}

describe('purposesToCsv', () => {
  it('writes a header and one record per purpose in the given order, formulas neutralized', () => {
    const csv = purposesToCsv([
      purpose(3, 'Demo, "live"', 10),
      purpose(1, '=HYPERLINK("x")', 20),
      purpose(2, 'No order', null),
    ]);
    expect(parseCsv(csv)).toEqual([
      ['position', 'name', 'order', 'created by', 'created at', 'updated at'],
      [
        '1',
        'Demo, "live"',
        '10',
        'Alex Morgan',
        '2026-11-20T10:00:00.000Z',
        '2026-11-21T11:00:00.000Z',
      ],
      [
        '2',
        `'=HYPERLINK("x")`,
        '20',
        'Alex Morgan',
        '2026-11-20T10:00:00.000Z',
        '2026-11-21T11:00:00.000Z',
      ],
      ['3', 'No order', '', 'Alex Morgan', '2026-11-20T10:00:00.000Z', '2026-11-21T11:00:00.000Z'],
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('csvFileName', () => {
  it('names the file by the local date', () => {
    expect(csvFileName(new Date(2026, 0, 5, 23, 59))).toBe('call-purposes-2026-01-05.csv');
  });
});

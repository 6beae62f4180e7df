import { describe, expect, it } from 'vitest';
import { classifyNames, namesFromFile, namesToAdd } from './classifyNames';

const existing = [
  { id: 1, name: 'Initial Contact' },
  { id: 4, name: 'Demo' },
];

describe('classifyNames', () => {
  it('marks each line new, blank, repeated, existing or too long', () => {
    const text = [
      'Onboarding',
      '  ',
      'initial  contact',
      'Upsell ',
      'onboarding',
      'x'.repeat(256),
      'DEMO',
    ].join('\n');
    expect(classifyNames(text, existing)).toEqual([
      { line: 1, name: 'Onboarding', status: 'new' },
      { line: 2, name: '', status: 'blank' },
      { line: 3, name: 'initial  contact', status: 'existing', sameAs: 'Initial Contact' },
      { line: 4, name: 'Upsell', status: 'new' },
      { line: 5, name: 'onboarding', status: 'repeated', sameAs: 1 },
      { line: 6, name: 'x'.repeat(256), status: 'tooLong' },
      { line: 7, name: 'DEMO', status: 'existing', sameAs: 'Demo' },
    ]);
  });

  it('skips what the server would refuse: a tab, or a name of invisible characters only', () => {
    expect(classifyNames('Tab\there\n\u200b', [])).toEqual([
      { line: 1, name: 'Tab\there', status: 'invalid', problem: 'controlCharacter' },
      { line: 2, name: '\u200b', status: 'blank' },
    ]);
  });

  it('counts characters, not UTF-16 units, against the 255 limit', () => {
    expect(classifyNames('😀'.repeat(255), [])[0]?.status).toBe('new');
    expect(classifyNames('😀'.repeat(256), [])[0]?.status).toBe('tooLong');
  });

  it('reads CRLF and CR line ends; nothing pasted is no lines', () => {
    expect(classifyNames('a\r\nb\rc', []).map((line) => line.name)).toEqual(['a', 'b', 'c']);
    expect(classifyNames('', [])).toEqual([]);
  });

  it('namesToAdd keeps the new names in pasted order', () => {
    expect(namesToAdd(classifyNames('B\nA\nb\nDemo\nC', existing))).toEqual(['B', 'A', 'C']);
  });
});

describe('namesFromFile', () => {
  it('takes every line of a .txt', () => {
    expect(namesFromFile('list.txt', '\uFEFFOne\r\n\r\nTwo, three\n\n')).toEqual([
      'One',
      '',
      'Two, three',
    ]);
  });

  it('takes the name column of a .csv with a header, else its first column', () => {
    expect(
      namesFromFile('export.CSV', 'position,Name,order\r\n1,"Demo, live",10\r\n2,Upsell,20\r\n'),
    ).toEqual(['Demo, live', 'Upsell']);
    expect(namesFromFile('plain.csv', 'Alpha,1\nBeta,2\n')).toEqual(['Alpha', 'Beta']);
  });
});

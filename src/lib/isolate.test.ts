import { describe, expect, it } from 'vitest';
import { isolate, isolatedParts } from './isolate';

describe('isolatedParts', () => {
  it('returns a message without names as one plain run', () => {
    expect(isolatedParts('Reordering cancelled.')).toEqual([
      { text: 'Reordering cancelled.', isolated: false },
    ]);
  });

  it('splits out each isolated name, without the marks', () => {
    expect(isolatedParts(`Deleted “${isolate('Demo')}”, kept ${isolate('تماس')}.`)).toEqual([
      { text: 'Deleted “', isolated: false },
      { text: 'Demo', isolated: true },
      { text: '”, kept ', isolated: false },
      { text: 'تماس', isolated: true },
      { text: '.', isolated: false },
    ]);
  });

  it('keeps a spoofing name whole inside its run, nested isolates and overrides included', () => {
    const name = 'Demo \u202egnp.exe \u2067x\u2069';
    expect(isolatedParts(`Saved “${isolate(name)}”.`)).toEqual([
      { text: 'Saved “', isolated: false },
      { text: name, isolated: true },
      { text: '”.', isolated: false },
    ]);
  });

  it('balances a name whose own isolates are unclosed or stray, so its run ends where it should', () => {
    expect(isolatedParts(`“${isolate('a\u2067b')}” and “${isolate('c\u2069d')}”`)).toEqual([
      { text: '“', isolated: false },
      { text: 'a\u2067b\u2069', isolated: true },
      { text: '” and “', isolated: false },
      { text: 'cd', isolated: true },
      { text: '”', isolated: false },
    ]);
  });

  it('isolates an unclosed run to the end, and keeps a stray closing mark as text', () => {
    expect(isolatedParts('a \u2068b')).toEqual([
      { text: 'a ', isolated: false },
      { text: 'b', isolated: true },
    ]);
    expect(isolatedParts('a \u2069b')).toEqual([{ text: 'a \u2069b', isolated: false }]);
  });
});

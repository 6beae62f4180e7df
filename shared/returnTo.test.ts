import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_TO, KEPT_RETURN_TO, REFUSED_RETURN_TO } from './returnTo.cases';
import { sanitizeReturnTo } from './returnTo';

describe('sanitizeReturnTo', () => {
  it.each(KEPT_RETURN_TO)('keeps the same-origin path %j', (input, expected) => {
    expect(sanitizeReturnTo(input)).toBe(expected);
  });

  it.each(REFUSED_RETURN_TO)('falls back to the list for %j', (input) => {
    expect(sanitizeReturnTo(input)).toBe(DEFAULT_RETURN_TO);
  });

  it('falls back to the list for anything but a string', () => {
    for (const value of [undefined, null, 3, ['/call-purposes'], { toString: () => '/x' }]) {
      expect(sanitizeReturnTo(value)).toBe(DEFAULT_RETURN_TO);
    }
  });

  it('never yields anything but a path on this origin, however a browser resolves it', () => {
    const pathish = fc.stringMatching(/^[/\\.%2eEcC5a09:\t\n x]{0,12}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), pathish), (input) => {
        const result = sanitizeReturnTo(input);
        expect(result.startsWith('/')).toBe(true);
        expect(result.startsWith('//')).toBe(false);
        expect(new URL(result, 'https://app.example').origin).toBe('https://app.example');
        // Idempotent: the result passes its own check unchanged.
        expect(sanitizeReturnTo(result)).toBe(result);
      }),
    );
  });
});

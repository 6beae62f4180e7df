import { describe, expect, it } from 'vitest';
import { matchesIntended, sameSequence } from './intents';

describe('sameSequence', () => {
  it('compares ids position by position', () => {
    expect(sameSequence([1, 2, 3], [1, 2, 3])).toBe(true);
    expect(sameSequence([1, 2, 3], [1, 3, 2])).toBe(false);
    expect(sameSequence([1, 2], [1, 2, 3])).toBe(false);
    expect(sameSequence([], [])).toBe(true);
  });
});

describe('matchesIntended', () => {
  it('is true when the server holds the intended order', () => {
    expect(matchesIntended([3, 1, 2], [3, 1, 2])).toBe(true);
  });

  it('is false when someone else reordered meanwhile', () => {
    expect(matchesIntended([3, 1, 2], [1, 3, 2])).toBe(false);
  });

  it('ignores purposes created or deleted by someone else meanwhile', () => {
    expect(matchesIntended([3, 1, 2], [3, 9, 1, 2])).toBe(true);
    expect(matchesIntended([3, 1, 2, 4], [3, 2, 4])).toBe(true);
    expect(matchesIntended([3, 1, 2, 4], [2, 3, 4])).toBe(false);
  });
});

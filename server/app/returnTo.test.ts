import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_TO, sanitizeReturnTo } from './returnTo';

describe('sanitizeReturnTo', () => {
  it.each([
    ['/call-purposes', '/call-purposes'],
    ['/call-purposes/3/edit', '/call-purposes/3/edit'],
    ['/call-purposes?q=demo#top', '/call-purposes?q=demo#top'],
    ['/a/../call-purposes', '/call-purposes'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(sanitizeReturnTo(input)).toBe(expected);
  });

  it.each([
    undefined,
    '',
    'call-purposes',
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    '/auth/login',
    '/auth/logout',
    '/sign-in',
    `/${'a'.repeat(3000)}`,
  ])('falls back to the list for %j', (input) => {
    expect(sanitizeReturnTo(input)).toBe(DEFAULT_RETURN_TO);
  });

  it('never yields anything but a path on this origin', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = sanitizeReturnTo(input);
        expect(result.startsWith('/')).toBe(true);
        expect(result.startsWith('//')).toBe(false);
        expect(new URL(result, 'https://app.example').origin).toBe('https://app.example');
      }),
    );
  });
});

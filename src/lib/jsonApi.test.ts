import { describe, expect, it } from 'vitest';
import { numberOrNull, toProxiedApiPath } from './jsonApi';

describe('toProxiedApiPath', () => {
  it('routes upstream pagination links through our own /api/v2', () => {
    expect(
      toProxiedApiPath('https://api.outreach.io/api/v2/callPurposes?page%5Bafter%5D=abc&x=1'),
    ).toBe('/api/v2/callPurposes?page%5Bafter%5D=abc&x=1');
    expect(toProxiedApiPath('http://localhost:8787/emulator/api/v2/callPurposes?a=b')).toBe(
      '/api/v2/callPurposes?a=b',
    );
    expect(toProxiedApiPath('/api/v2/callPurposes?a=b')).toBe('/api/v2/callPurposes?a=b');
  });
});

describe('numberOrNull', () => {
  it('accepts numbers and numeric strings only', () => {
    expect(numberOrNull(3)).toBe(3);
    expect(numberOrNull('7')).toBe(7);
    expect(numberOrNull(null)).toBeNull();
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('x')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { LINK_CASES } from '../../shared/apiLinks.cases';
import { PROXY_PREFIX } from '../../shared/apiLinks';
import { numberOrNull, toProxiedApiPath } from './jsonApi';

// The same table the proxy's rewriting is tested against (server/app/proxy/links.test.ts).
describe("toProxiedApiPath follows links by the proxy's rule", () => {
  const spaCases = LINK_CASES.filter(([, apiBase]) => apiBase === PROXY_PREFIX);

  it.each(spaCases)('%s → %s', (link, _apiBase, proxied) => {
    if (proxied === undefined) expect(() => toProxiedApiPath(link)).toThrow(/outside \/api\/v2/);
    else expect(toProxiedApiPath(link)).toBe(proxied);
  });

  it.each(LINK_CASES.filter(([, , proxied]) => proxied !== undefined))(
    'follows unchanged what the proxy made of %s',
    (_link, _apiBase, proxied) => {
      expect(toProxiedApiPath(proxied as string)).toBe(proxied);
    },
  );
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

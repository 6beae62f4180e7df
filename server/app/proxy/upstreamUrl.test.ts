import { describe, expect, it } from 'vitest';
import { upstreamUrlFor } from './upstreamUrl';

describe('upstreamUrlFor', () => {
  const api = 'https://api.outreach.io/api/v2';

  it('keeps the path and the raw query string', () => {
    expect(
      upstreamUrlFor(api, '/api/v2/callPurposes?filter[name]=A%20B&page[size]=2&sort=-order')?.href,
    ).toBe(
      'https://api.outreach.io/api/v2/callPurposes?filter[name]=A%20B&page[size]=2&sort=-order',
    );
    expect(upstreamUrlFor(api, '/api/v2')?.href).toBe(api);
    expect(
      upstreamUrlFor('http://localhost:1/emulator/api/v2', '/api/v2/callPurposes/3')?.href,
    ).toBe('http://localhost:1/emulator/api/v2/callPurposes/3');
  });

  it.each([
    '/api/v2/../../oauth/token',
    '/api/v2/%2e%2e/%2e%2e/oauth/token',
    '/api/v2/callPurposes/./1',
    '/api/v2x/callPurposes',
    '/api/v3',
  ])('refuses %s', (url) => {
    expect(upstreamUrlFor(api, url)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origin';

const APP = 'http://localhost:8787';

describe('isAllowedOrigin', () => {
  it('lets reads through from anywhere', () => {
    expect(isAllowedOrigin('GET', { origin: 'https://evil.example' }, APP)).toBe(true);
    expect(isAllowedOrigin('HEAD', { 'sec-fetch-site': 'cross-site' }, APP)).toBe(true);
  });

  it('accepts writes from the app origin only', () => {
    expect(isAllowedOrigin('POST', { origin: APP }, APP)).toBe(true);
    expect(isAllowedOrigin('PATCH', { origin: 'https://evil.example' }, APP)).toBe(false);
    expect(isAllowedOrigin('DELETE', { origin: 'http://localhost:5173' }, APP)).toBe(false);
    expect(isAllowedOrigin('POST', { origin: 'null' }, APP)).toBe(false);
  });

  it('falls back to Sec-Fetch-Site when there is no Origin', () => {
    expect(isAllowedOrigin('POST', { 'sec-fetch-site': 'same-origin' }, APP)).toBe(true);
    expect(isAllowedOrigin('POST', { 'sec-fetch-site': 'cross-site' }, APP)).toBe(false);
    expect(isAllowedOrigin('POST', { 'sec-fetch-site': 'same-site' }, APP)).toBe(false);
  });

  it('lets non-browser clients (no Origin, no Sec-Fetch-Site) through', () => {
    expect(isAllowedOrigin('POST', {}, APP)).toBe(true);
  });
});

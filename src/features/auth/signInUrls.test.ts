import { describe, expect, it } from 'vitest';
import { outreachLoginUrl, safeReturnTo, signInPath } from './signInUrls';

describe('safeReturnTo', () => {
  it('keeps paths on this origin, with their query', () => {
    expect(safeReturnTo('/call-purposes/3/edit')).toBe('/call-purposes/3/edit');
    expect(safeReturnTo('/call-purposes?q=demo')).toBe('/call-purposes?q=demo');
  });

  it('refuses other origins, protocol-relative URLs and the sign-in page itself', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', '', null]) {
      expect(safeReturnTo(bad)).toBe('/call-purposes');
    }
    expect(safeReturnTo('/sign-in?returnTo=/x')).toBe('/call-purposes');
  });
});

describe('sign-in URLs', () => {
  it('carry the page to come back to', () => {
    expect(signInPath('/call-purposes/3/edit')).toBe(
      '/sign-in?returnTo=%2Fcall-purposes%2F3%2Fedit',
    );
    expect(outreachLoginUrl('/call-purposes/new')).toBe(
      '/auth/login?returnTo=%2Fcall-purposes%2Fnew',
    );
  });
});

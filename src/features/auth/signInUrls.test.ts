import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETURN_TO,
  KEPT_RETURN_TO,
  REFUSED_RETURN_TO,
} from '../../../shared/returnTo.cases';
import { paths } from '../../lib/paths';
import { outreachLoginUrl, signInPath } from './signInUrls';

// The same table the app server's /auth/login is tested against (server/app/returnTo.integration.test.ts).
describe('the SPA follows the shared return-to rule', () => {
  it.each(KEPT_RETURN_TO)('keeps %j', (input, expected) => {
    expect(outreachLoginUrl(input)).toBe(`/auth/login?returnTo=${encodeURIComponent(expected)}`);
  });

  it.each(REFUSED_RETURN_TO)('sends %j back to the list', (input) => {
    expect(signInPath(input)).toBe(`/sign-in?returnTo=${encodeURIComponent(DEFAULT_RETURN_TO)}`);
    expect(outreachLoginUrl(input)).toBe(
      `/auth/login?returnTo=${encodeURIComponent(DEFAULT_RETURN_TO)}`,
    );
  });

  it('falls back to the list route the SPA itself names', () => {
    expect(DEFAULT_RETURN_TO).toBe(paths.callPurposes.list.href());
  });

  it('treats a missing returnTo as the list', () => {
    expect(outreachLoginUrl(null)).toBe('/auth/login?returnTo=%2Fcall-purposes');
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

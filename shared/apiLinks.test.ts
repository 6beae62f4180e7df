import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBEDDED, LINK_CASES, OUTREACH } from './apiLinks.cases';
import { apiLinkMapper } from './apiLinks';
import { withoutTrailingSlashes } from './trailingSlashes';

/** What a link means by the URL standard alone, as the mapper worked before its shortcut. */
function byUrlParsing(link: string, apiBase: string): string | undefined {
  const base = new URL(apiBase, 'http://same-origin.invalid');
  const basePath = withoutTrailingSlashes(base.pathname);
  let url: URL;
  try {
    url = new URL(link, base.origin);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;
  if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
  return `/api/v2${url.pathname.slice(basePath.length)}${url.search}`;
}

describe('apiLinkMapper', () => {
  it.each(LINK_CASES)('maps %s (upstream %s) to %s', (link, apiBase, proxied) => {
    expect(apiLinkMapper(apiBase)(link)).toBe(proxied);
  });

  it('agrees with URL parsing on any text after any base (its shortcut changes no answer)', () => {
    const piece = fc.constantFrom(
      '/',
      '//',
      '.',
      '..',
      '/..',
      '/./',
      '%2e',
      '%2E%2e',
      '?',
      '&',
      '=',
      '#',
      '[',
      ']',
      '\\',
      'callPurposes',
      '7',
      'page',
      'x',
      '-',
      '_',
      '~',
      ' ',
      '%20',
      '@',
      ':',
      'evil.example',
      'É',
    );
    const rest = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    const base = fc.constantFrom(OUTREACH, EMBEDDED, '/api/v2', '/emulator/api/v2');
    const start = fc.constantFrom(
      OUTREACH,
      EMBEDDED,
      '/api/v2',
      '/emulator/api/v2',
      '',
      'HTTP://API.OUTREACH.IO/api/v2',
    );
    fc.assert(
      fc.property(base, start, rest, (apiBase, prefix, tail) => {
        const link = `${prefix}${tail}`;
        expect(apiLinkMapper(apiBase)(link)).toBe(byUrlParsing(link, apiBase));
      }),
      { numRuns: 5000 },
    );
  });
});

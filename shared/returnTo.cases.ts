// The table of return-to cases that both the SPA's sign-in URLs and the app server's
// /auth/login are tested against (issue 8 point 1): what comes in, what sign-in may end on.
import { DEFAULT_RETURN_TO } from './returnTo';

export const KEPT_RETURN_TO: readonly (readonly [input: string, expected: string])[] = [
  ['/call-purposes', '/call-purposes'],
  ['/call-purposes/3/edit', '/call-purposes/3/edit'],
  ['/call-purposes/new', '/call-purposes/new'],
  ['/call-purposes?q=demo#top', '/call-purposes?q=demo#top'],
  ['/call-purposes?q=a%20b', '/call-purposes?q=a%20b'],
  ['/a/../call-purposes', '/call-purposes'],
  ['/./call-purposes', '/call-purposes'],
];

/** Each of these must end on the list, never anywhere else. */
export const REFUSED_RETURN_TO: readonly string[] = [
  '',
  'call-purposes',
  // Other origins, spelled every way a browser accepts.
  'https://evil.example/x',
  'http://evil.example',
  'HTTPS://evil.example',
  '//evil.example/x',
  '///evil.example/x',
  // Dot segments that normalise to a protocol-relative URL (the reproductions).
  '/.//evil.example/x',
  '/..//evil.example/x',
  '/%2e%2e//evil.example/x',
  '/%2E//evil.example/x',
  '/x/..//evil.example/x',
  '/x/%2e%2e//evil.example/x',
  // Backslashes, read as slashes by browsers, raw and encoded.
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '/%5cevil.example',
  '/%5Cevil.example',
  '/%5c%5cevil.example',
  '/x/..%5c%5cevil.example',
  // Tabs and newlines, which browsers strip from URLs, raw and encoded.
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0d%0a/evil.example',
  '/%2f/evil.example',
  '/%2f%2fevil.example',
  // Scripts and other schemes.
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  '/javascript:alert(1)/..//evil.example',
  'data:text/html,<script>alert(1)</script>',
  // Malformed escapes are doubtful.
  '/call-purposes?q=100%',
  // Pages that would loop or sign out.
  '/sign-in',
  '/sign-in?returnTo=/x',
  '/auth/login',
  '/auth/logout',
  '/x/../auth/login',
  // Too long to be a page of this app.
  `/${'a'.repeat(3000)}`,
];

export { DEFAULT_RETURN_TO };

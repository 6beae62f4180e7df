// What the SPA's first page asks for, named once. The app server preloads these for a signed-in
// navigation (a `Link: rel=preload` header on index.html) and the SPA's first queries ask for
// exactly these URLs, same-origin with the same credentials mode, so the browser answers them
// from the preload instead of asking again.

export const SESSION_PATH = '/auth/session';

/** The one page that does not ask for the session (it is where a visitor without one lands). */
export const SIGN_IN_PAGE_PATH = '/sign-in';

export const CALL_PURPOSES_PATH = '/api/v2/callPurposes';

/**
 * Every request answered with call-purpose documents asks for the same things: the signed-in
 * user's rights on each purpose (which controls to show) and its creator (the "Created by" column).
 */
export const CALL_PURPOSE_DOCUMENT_QUERY = { provideAuthorizationMeta: 'true', include: 'creator' };

/** The largest page the API serves: the whole list usually comes in one request. */
export const LIST_PAGE_SIZE = 1000;

export function withQuery(path: string, query: Record<string, string>): string {
  return `${path}?${new URLSearchParams(query).toString()}`;
}

/** The list's first page; the rest follow `links.next`. */
export function callPurposeListPath(): string {
  return withQuery(CALL_PURPOSES_PATH, {
    ...CALL_PURPOSE_DOCUMENT_QUERY,
    'page[size]': String(LIST_PAGE_SIZE),
  });
}

/** The SPA's paths that show the list (the list itself, its dialogs, and `/`, which leads there). */
export function showsCallPurposeList(pathname: string): boolean {
  return (
    pathname === '/' || pathname === '/call-purposes' || pathname.startsWith('/call-purposes/')
  );
}

// For a signed-in navigation, index.html tells the browser to fetch what the SPA's first page
// will ask for (its session, and the list's first page where the page shows the list) at once,
// beside the scripts, instead of after they have been fetched and run. The SPA asks for the same
// URLs in the same credentials mode, so the browser answers it from these preloads: one request
// each. Without a live session nothing is preloaded: the SPA will show the sign-in page.
import type { FastifyRequest } from 'fastify';
import {
  SESSION_PATH,
  SIGN_IN_PAGE_PATH,
  callPurposeListPath,
  showsCallPurposeList,
} from '../../shared/firstPageRequests';
import { grantsScope } from '../../shared/scopes';
import type { SessionCookieHelpers } from './auth/currentSession';

/**
 * `crossorigin` (anonymous) is the mode of the SPA's `fetch` (cors, credentials same-origin,
 * which sends the cookie to our own origin); without it the browser would not reuse the preload.
 */
function preload(path: string): string {
  return `<${path}>; rel=preload; as=fetch; crossorigin`;
}

/** The `Link` header for index.html served at this request's path, if anything is preloaded. */
export function firstPagePreloads(current: SessionCookieHelpers) {
  return async (request: FastifyRequest): Promise<string | undefined> => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (pathname === SIGN_IN_PAGE_PATH) return undefined;
    // A preload only speeds the page up: when the session store is away, the page is served
    // without one (and then says so), never refused.
    const session = await current.read(request).catch(() => undefined);
    if (session === undefined) return undefined;
    const links = [preload(SESSION_PATH)];
    if (showsCallPurposeList(pathname) && grantsScope(session.scopes, 'callPurposes', 'read')) {
      links.push(preload(callPurposeListPath()));
    }
    return links.join(', ');
  };
}

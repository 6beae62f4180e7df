// JSON:API links written by the upstream (`https://api.outreach.io/api/v2/callPurposes?...`, or
// `/emulator/api/v2/...` from the embedded emulator) must be followed through this origin's
// `/api/v2` proxy. The proxy maps every link it hands the SPA; the SPA maps the links it follows
// with the same function, so the two can never disagree about what a link means.
import { withoutTrailingSlashes } from './trailingSlashes';

export const PROXY_PREFIX = '/api/v2';

const SAME_ORIGIN = 'http://same-origin.invalid';

/**
 * What may follow the base for the text to be the path as it is: segments of word characters and
 * dashes (no dot segments, no encoded ones), then a query of characters URL parsing keeps.
 */
const PLAIN_REST = /^(?:\/[\w-]*)*(?:\?[\w.~=&%[\]-]+)?$/;

/**
 * A function giving the proxy path for a link when it lies under `apiBase` (an absolute URL, or
 * a path meaning "this origin"), keeping the path after the base and the query; undefined for
 * anything else (another origin, another path, dot segments that climb out of the base). The
 * base is parsed once: a page of 1,000 purposes carries 2,000 links.
 */
export function apiLinkMapper(apiBase: string): (link: string) => string | undefined {
  let base: URL;
  try {
    base = new URL(apiBase, SAME_ORIGIN);
  } catch {
    return () => undefined;
  }
  const basePath = withoutTrailingSlashes(base.pathname);
  const prefixes =
    base.origin === SAME_ORIGIN ? [basePath] : [`${base.origin}${basePath}`, basePath];
  return (link) => {
    // The links servers write (`…/callPurposes/7`, `…?page[after]=x`) need no parsing: nothing in
    // them would be rewritten by it, so the path is the text after the base.
    if (basePath !== '') {
      for (const prefix of prefixes) {
        if (link.startsWith(prefix) && PLAIN_REST.test(link.slice(prefix.length))) {
          return `${PROXY_PREFIX}${link.slice(prefix.length)}`;
        }
      }
    }
    let url: URL;
    try {
      url = new URL(link, base.origin);
    } catch {
      return undefined;
    }
    if (url.origin !== base.origin) return undefined;
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
    return `${PROXY_PREFIX}${url.pathname.slice(basePath.length)}${url.search}`;
  };
}

/** The proxy path for one `link` under `apiBase` (see `apiLinkMapper`). */
export function proxiedApiPath(link: string, apiBase: string): string | undefined {
  return apiLinkMapper(apiBase)(link);
}

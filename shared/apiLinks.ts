// JSON:API links written by the upstream (`https://api.outreach.io/api/v2/callPurposes?...`, or
// `/emulator/api/v2/...` from the embedded emulator) must be followed through this origin's
// `/api/v2` proxy. The proxy maps every link it hands the SPA; the SPA maps the links it follows
// with the same function, so the two can never disagree about what a link means.
import { withoutTrailingSlashes } from './trailingSlashes';

export const PROXY_PREFIX = '/api/v2';

const SAME_ORIGIN = 'http://same-origin.invalid';

/**
 * The proxy path for `link` when it lies under `apiBase` (an absolute URL, or a path meaning
 * "this origin"), keeping the path after the base and the query; undefined for anything else
 * (another origin, another path, dot segments that climb out of the base).
 */
export function proxiedApiPath(link: string, apiBase: string): string | undefined {
  let base: URL;
  let url: URL;
  try {
    base = new URL(apiBase, SAME_ORIGIN);
    url = new URL(link, base.origin);
  } catch {
    return undefined;
  }
  const basePath = withoutTrailingSlashes(base.pathname);
  if (url.origin !== base.origin) return undefined;
  if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return undefined;
  return `${PROXY_PREFIX}${url.pathname.slice(basePath.length)}${url.search}`;
}

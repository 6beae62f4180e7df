// Mapping between the app's /api/v2 and the upstream's API base. Pure, so it is unit-tested.
import { PROXY_PREFIX } from '../../../shared/apiLinks';
import { withoutTrailingSlashes } from '../../../shared/trailingSlashes';

/**
 * The upstream URL for a request URL under /api/v2 (path and raw query kept as sent), or
 * undefined when dot segments would climb out of the API base (e.g. /api/v2/../../oauth/token).
 */
export function upstreamUrlFor(apiUrl: string, requestUrl: string): URL | undefined {
  if (!requestUrl.startsWith(PROXY_PREFIX)) return undefined;
  const rest = requestUrl.slice(PROXY_PREFIX.length);
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?')) return undefined;
  let target: URL;
  try {
    target = new URL(`${apiUrl}${rest}`);
  } catch {
    return undefined;
  }
  const base = new URL(apiUrl);
  const basePath = withoutTrailingSlashes(base.pathname);
  const pathOk = target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
  if (target.origin !== base.origin || !pathOk) return undefined;
  if (/\/\.\.?(?:\/|$)|%2e/i.test(rest.split('?')[0] ?? '')) return undefined;
  return target;
}

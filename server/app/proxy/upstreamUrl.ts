// Mapping between the app's /api/v2 and the upstream's API base. Pure, so it is unit-tested.
export const PROXY_PREFIX = '/api/v2';

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
  const basePath = base.pathname.replace(/\/+$/, '');
  const pathOk = target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
  if (target.origin !== base.origin || !pathOk) return undefined;
  if (/\/\.\.?(?:\/|$)|%2e/i.test(rest.split('?')[0] ?? '')) return undefined;
  return target;
}

/**
 * JSON:API links name the upstream (`https://api.outreach.io/api/v2/callPurposes?page...`); the
 * browser must follow them through this proxy, so they become `/api/v2/...`.
 */
export function rewriteUpstreamLinks(json: string, apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '');
  const basePath = new URL(base).pathname;
  let out = json.split(`"${base}`).join(`"${PROXY_PREFIX}`);
  if (basePath.length > 1 && basePath !== PROXY_PREFIX) {
    out = out.split(`"${basePath}/`).join(`"${PROXY_PREFIX}/`);
    out = out.split(`"${basePath}"`).join(`"${PROXY_PREFIX}"`);
  }
  return out;
}

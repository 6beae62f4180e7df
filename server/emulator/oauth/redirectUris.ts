/**
 * Which redirect URIs the seeded client may use: any http(s) URI on a loopback host with any
 * port whose path is /auth/callback (RFC 8252 §7.3, so the app works on whatever port it runs),
 * plus the URIs listed in EMULATOR_REDIRECT_URIS, matched exactly.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isAcceptedRedirectUri(uri: string, registered: readonly string[]): boolean {
  if (registered.includes(uri)) return true;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/auth/callback' &&
    url.search === '' &&
    url.hash === ''
  );
}

export function redirectWith(
  redirectUri: string,
  params: Record<string, string | undefined>,
): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

// Where to send someone after sign-in: the one rule the SPA (`/sign-in?returnTo=`) and the app
// server (`/auth/login?returnTo=`) share, so a crafted link can never bounce a user to another
// site. The value is judged *after* it is normalised the way a browser would (dot segments
// resolved, `%2e` read as a dot), because `/.//evil.example` is harmless as typed and
// `//evil.example` once resolved. Anything doubtful becomes the list.
export const DEFAULT_RETURN_TO = '/call-purposes';

const MAX_LENGTH = 2048;
const BASE = 'http://return-to.invalid';

/** Browsers read a backslash as a slash and drop tabs and newlines inside URLs. */
function hasBackslashOrControl(value: string): boolean {
  return /[\\\p{Cc}]/u.test(value);
}

/** `%5c`, `%09` and friends: what a less careful hop might decode before following. */
function decodedIsDoubtful(value: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return true;
  }
  return hasBackslashOrControl(decoded) || decoded.startsWith('//');
}

function isPathOnThisOrigin(path: string): boolean {
  return (
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !hasBackslashOrControl(path) &&
    !decodedIsDoubtful(path) &&
    new URL(path, BASE).origin === BASE
  );
}

/** Pages that would loop (the sign-in page, /auth/login) or sign out again (/auth/logout). */
function isAuthPage(pathname: string): boolean {
  return pathname === '/sign-in' || pathname === '/auth' || pathname.startsWith('/auth/');
}

export function sanitizeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return DEFAULT_RETURN_TO;
  if (!isPathOnThisOrigin(value)) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  const normalised = `${url.pathname}${url.search}${url.hash}`;
  // The check that matters: the path as the browser will resolve it.
  if (url.origin !== BASE || !isPathOnThisOrigin(normalised)) return DEFAULT_RETURN_TO;
  if (isAuthPage(url.pathname)) return DEFAULT_RETURN_TO;
  return normalised;
}

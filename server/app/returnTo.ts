// Where to send someone after sign-in. Only a path on this origin is accepted, so /auth/login
// can never be turned into an open redirect (`//evil.example`, `/\evil.example`, `https:...`).
export const DEFAULT_RETURN_TO = '/call-purposes';

const BASE = 'http://return-to.invalid';

function hasBackslashOrControl(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === '\\' || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function sanitizeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) {
    return DEFAULT_RETURN_TO;
  }
  // Browsers treat a backslash like a slash and drop tabs and newlines inside URLs.
  if (!value.startsWith('/') || value.startsWith('//') || hasBackslashOrControl(value)) {
    return DEFAULT_RETURN_TO;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (url.origin !== BASE) return DEFAULT_RETURN_TO;
  // Coming back to /auth/* (login, callback, logout) would loop or sign out again.
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return DEFAULT_RETURN_TO;
  if (url.pathname === '/sign-in') return DEFAULT_RETURN_TO;
  return `${url.pathname}${url.search}${url.hash}`;
}

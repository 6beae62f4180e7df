// Cookie names and attributes. Behind https the session cookie takes the __Host- prefix, which
// browsers only accept with Secure, Path=/ and no Domain: it cannot be planted by a subdomain.
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { AppConfig } from '../config';

export interface AuthCookies {
  session: string;
  login: string;
  sessionOptions(maxAgeSeconds: number): CookieSerializeOptions;
  loginOptions(maxAgeSeconds: number): CookieSerializeOptions;
  clearSession: CookieSerializeOptions;
  clearLogin: CookieSerializeOptions;
}

export function authCookies(config: Pick<AppConfig, 'publicUrl'>): AuthCookies {
  const secure = config.publicUrl.startsWith('https:');
  const prefix = secure ? '__Host-' : '';
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, signed: true };
  return {
    session: `${prefix}cpa_session`,
    // The pending sign-in, sealed (see pendingLogin.ts): it binds the callback to the browser
    // that started it (login CSRF). Sealing authenticates it, so it needs no signature.
    login: `${prefix}cpa_login`,
    sessionOptions: (maxAge) => ({ ...base, path: '/', maxAge }),
    loginOptions: (maxAge) => ({ ...base, signed: false, path: '/', maxAge }),
    clearSession: { ...base, path: '/' },
    clearLogin: { ...base, path: '/' },
  };
}

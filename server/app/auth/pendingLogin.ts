// A sign-in in progress (OAuth state, PKCE verifier, where to go back to) travels in the browser
// as one short-lived cookie, sealed with AES-256-GCM: the browser cannot read the verifier nor
// alter anything, and no storage grows when someone requests /auth/login in a loop. Any app
// server sharing SESSION_SECRET can finish a sign-in another one started.
import { createCipher, type Cipher } from '../sessions/tokenCipher';

export interface PendingLogin {
  state: string;
  codeVerifier: string;
  returnTo: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface PendingLoginSealer {
  seal(login: PendingLogin): string;
  /** The pending sign-in, or undefined when the cookie is forged, altered or out of date. */
  open(cookie: string | undefined, now: number): PendingLogin | undefined;
}

const CONTEXT = 'pending-sign-in';

export function pendingLoginSealer(cipher: Cipher): PendingLoginSealer {
  return {
    seal(login) {
      const sealed = cipher.seal(JSON.stringify(login), CONTEXT);
      return `${sealed.keyId}.${sealed.value}`;
    },
    open(cookie, now) {
      if (cookie === undefined) return undefined;
      const dot = cookie.indexOf('.');
      if (dot < 0) return undefined;
      const plain = cipher.open(
        { keyId: cookie.slice(0, dot), value: cookie.slice(dot + 1) },
        CONTEXT,
      );
      if (plain === undefined) return undefined;
      const login = JSON.parse(plain) as PendingLogin;
      return login.expiresAt > now ? login : undefined;
    },
  };
}

export function pendingLoginCipher(secret: string, previousSecret?: string): Cipher {
  return createCipher(secret, previousSecret, 'pending sign-in v1');
}

import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session ids, OAuth state and PKCE verifiers. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function codeChallenge(verifier: string): string {
  return sha256(verifier);
}

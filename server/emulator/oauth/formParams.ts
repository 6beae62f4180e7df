import { OAuthError } from './errors';

/**
 * Reads OAuth parameters from a query string or form body. RFC 6749 §3.1/§3.2: parameters
 * must not be repeated, and empty values count as absent.
 */
export function singleParams(source: URLSearchParams): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of source) {
    if (params.has(key)) throw new OAuthError('invalid_request', `Parameter "${key}" is repeated.`);
    if (value !== '') params.set(key, value);
  }
  return params;
}

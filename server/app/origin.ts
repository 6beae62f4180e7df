// State-changing requests must come from the app's own pages. SameSite=Lax already keeps the
// session cookie off cross-site POSTs; this refuses them outright, and also same-site
// neighbours (another subdomain) that Lax would let through.
import type { onRequestAsyncHookHandler } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { sendError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * True when a request may change state on behalf of the session: a safe method, an Origin equal
 * to the app's, or (browsers that omit Origin) a Sec-Fetch-Site of same-origin or none. Requests
 * with neither header come from non-browser clients, which cannot ride a victim's cookie.
 */
export function isAllowedOrigin(
  method: string,
  headers: IncomingHttpHeaders,
  publicOrigin: string,
): boolean {
  if (isSafeMethod(method)) return true;
  const origin = headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin === publicOrigin;
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== '') return site === 'same-origin' || site === 'none';
  return true;
}

/**
 * An onRequest hook for everything the app server answers (sign-out and the API proxy alike):
 * a state-changing request from another origin is refused before its body is even read.
 */
export function refuseCrossOriginWrites(publicOrigin: string): onRequestAsyncHookHandler {
  return async (request, reply) => {
    if (isAllowedOrigin(request.method, request.headers, publicOrigin)) return;
    return sendError(
      reply,
      403,
      'crossOriginRequest',
      'Cross-origin request refused',
      `Changes are only accepted from pages served by ${publicOrigin}.`,
    );
  };
}

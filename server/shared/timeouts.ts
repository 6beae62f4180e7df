// How long a client may take: a request whose headers or body trickle in is cut off (408 and
// the connection closed) instead of holding a socket for minutes, and an idle keep-alive
// connection is closed. Node checks the first two every `connectionsCheckingInterval` (30 s by
// default), so that interval follows the shortest timeout.
import type { FastifyServerOptions } from 'fastify';

export interface ServerTimeouts {
  /** Longest wait for a request's headers to arrive in full. */
  headersMs: number;
  /** Longest wait for a whole request, headers and body, to arrive (not to be answered). */
  requestMs: number;
  /** How long an idle keep-alive connection stays open; above common load balancers' 60 s. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 61_000,
};

export function timeoutServerOptions(overrides: Partial<ServerTimeouts> = {}): Pick<
  FastifyServerOptions,
  'requestTimeout' | 'keepAliveTimeout'
> & {
  http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number };
} {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...overrides };
  const headersMs = Math.min(timeouts.headersMs, timeouts.requestMs);
  return {
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(20, Math.min(1000, Math.floor(headersMs / 4))),
    },
  };
}

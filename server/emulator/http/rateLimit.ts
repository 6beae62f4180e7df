/**
 * Outreach's per-user limit on @fastify/rate-limit: the plugin counts, sets X-RateLimit-Limit,
 * X-RateLimit-Remaining and Retry-After, and refuses with our JSON:API 429. Two things are ours:
 * the store, whose windows are fixed hours aligned to the hour and read the emulator's clock
 * (the plugin's own store starts a window at a key's first request and reads the system time),
 * and X-RateLimit-Reset, which Outreach gives as the epoch second the window ends (the plugin
 * gives the seconds left). In memory: the emulator is one process, and a restart resetting the
 * counters is harmless.
 */
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock';
import { rateLimitExceeded } from './errors';

export const RATE_LIMIT_WINDOW_MS = 60 * 60 * 1000;

const windowEnd = (now: number) =>
  (Math.floor(now / RATE_LIMIT_WINDOW_MS) + 1) * RATE_LIMIT_WINDOW_MS;

function hourlyWindows(clock: Clock): FastifyRateLimitStoreCtor {
  const windows = new Map<string, { end: number; count: number }>();
  return class HourlyWindows {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    ) {
      const now = clock.now();
      const end = windowEnd(now);
      let window = windows.get(key);
      if (window?.end !== end) {
        if (windows.size > 10_000) {
          for (const [stale, { end: staleEnd }] of windows)
            if (staleEnd !== end) windows.delete(stale);
        }
        window = { end, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      callback(null, { current: window.count, ttl: end - now });
    }

    child() {
      return this;
    }
  };
}

/**
 * Registers the limiter on `app` and returns its onRequest hook. `bucket` names whom a request
 * counts against: its user, or its address when it carries no valid token.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  options: { max: number; clock: Clock; bucket: (request: FastifyRequest) => string },
) {
  await app.register(rateLimit, {
    global: false,
    max: options.max,
    timeWindow: RATE_LIMIT_WINDOW_MS,
    store: hourlyWindows(options.clock),
    keyGenerator: options.bucket,
    addHeaders: { 'x-ratelimit-reset': false },
    addHeadersOnExceeding: { 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, context) =>
      rateLimitExceeded(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  const limit = app.rateLimit();
  return async function rateLimitHook(request: FastifyRequest, reply: FastifyReply) {
    reply.header('x-ratelimit-reset', String(windowEnd(options.clock.now()) / 1000));
    await limit.call(app, request, reply);
  };
}

/**
 * The onRequest guard of every /api/v2 request: resolves the bearer token, counts the request
 * against its rate-limit bucket (setting the X-RateLimit-* headers even on errors), then
 * refuses unauthenticated requests. Scope checks are per route (`requireScope`).
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Clock } from '../../clock';
import { grantsScope, type ScopeLevel, type ScopeResource } from '../../../shared/scopes';
import type { Repositories } from '../repositories';
import { checkAccessToken, type Principal, type TokenCheck } from '../services/tokens';
import { insufficientScope, rateLimitExceeded, unauthenticated } from '../http/errors';
import type { FixedWindowRateLimiter } from '../http/rateLimiter';

// A WeakMap rather than a request decorator keeps the parent server's request type untouched.
const principals = new WeakMap<FastifyRequest, Principal>();

export function principalOf(request: FastifyRequest): Principal {
  const principal = principals.get(request);
  if (!principal) throw new Error('principalOf called before the API guard ran');
  return principal;
}

// A symbol, not the string 'malformed', so that no token text can be mistaken for it.
const MALFORMED = Symbol('malformed');

/** The bearer token, `MALFORMED` for a Bearer header without a valid token, or undefined. */
function bearerToken(header: string | undefined): string | typeof MALFORMED | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i.exec(header);
  if (match) return match[1];
  // Another scheme (e.g. Basic) carries no bearer credentials at all.
  return /^Bearer\b/i.test(header) ? MALFORMED : undefined;
}

// Both guards are synchronous callback hooks: Fastify's hook runner turns a synchronous throw
// into the request's error, exactly as it would a rejected async hook.
export function createApiGuard(deps: {
  repos: Repositories;
  limiter: FixedWindowRateLimiter;
  clock: Clock;
}) {
  return function apiGuard(
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    const now = deps.clock.now();
    const token = bearerToken(request.headers.authorization);
    let check: TokenCheck | undefined;
    if (token === MALFORMED) check = { ok: false, reason: 'invalid' };
    else if (token !== undefined) check = checkAccessToken(deps.repos, token, now);

    const bucket = check?.ok ? `user:${check.principal.user.id}` : `ip:${request.ip}`;
    const state = deps.limiter.hit(bucket, now);
    reply.header('x-ratelimit-limit', String(state.limit));
    reply.header('x-ratelimit-remaining', String(state.remaining));
    reply.header('x-ratelimit-reset', String(state.resetAt));
    if (!state.allowed) throw rateLimitExceeded(state.retryAfterSeconds);

    if (!check) throw unauthenticated('missing');
    if (!check.ok) throw unauthenticated(check.reason);
    principals.set(request, check.principal);
    done();
  };
}

/** Route-level onRequest hook: 403 unauthorizedOauthScope unless one of `accepted` is granted. */
export function requireScope(...accepted: [ScopeResource, ScopeLevel][]) {
  return function scopeGuard(
    request: FastifyRequest,
    _reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    const { scopes } = principalOf(request);
    if (!accepted.some(([resource, level]) => grantsScope(scopes, resource, level))) {
      const [first] = accepted;
      throw insufficientScope(first ? `${first[0]}.${first[1]}` : 'unknown');
    }
    done();
  };
}

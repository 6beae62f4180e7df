/**
 * The guard of every /api/v2 request (bearer token, rate limit, authentication); scope checks
 * are per route (`requireScope`).
 */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import type { Clock } from '../../clock';
import { grantsScope, type ScopeLevel, type ScopeResource } from '../../../shared/scopes';
import type { Repositories } from '../repositories';
import { checkAccessToken, type Principal, type TokenCheck } from '../services/tokens';
import { insufficientScope, unauthenticated } from '../http/errors';
import { registerRateLimit } from '../http/rateLimit';

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

const checks = new WeakMap<FastifyRequest, TokenCheck>();

/**
 * The onRequest hooks of every /api/v2 request, in order: resolve the bearer token, count the
 * request against its user's (or, without a valid token, its address's) rate-limit bucket, which
 * sets the X-RateLimit-* headers even on errors, then refuse unauthenticated requests.
 */
export async function registerApiGuard(
  app: FastifyInstance,
  deps: { repos: Repositories; rateLimit: number; clock: Clock },
): Promise<void> {
  app.addHook('onRequest', (request, _reply, done) => {
    const token = bearerToken(request.headers.authorization);
    if (token === MALFORMED) checks.set(request, { ok: false, reason: 'invalid' });
    else if (token !== undefined) {
      checks.set(request, checkAccessToken(deps.repos, token, deps.clock.now()));
    }
    done();
  });
  const rateLimitHook = await registerRateLimit(app, {
    max: deps.rateLimit,
    clock: deps.clock,
    bucket: (request) => {
      const check = checks.get(request);
      return check?.ok ? `user:${check.principal.user.id}` : `ip:${request.ip}`;
    },
  });
  app.addHook('onRequest', rateLimitHook);
  // A synchronous callback hook: Fastify turns a synchronous throw into the request's error.
  app.addHook('onRequest', (request, _reply, done) => {
    const check = checks.get(request);
    if (!check) throw unauthenticated('missing');
    if (!check.ok) throw unauthenticated(check.reason);
    principals.set(request, check.principal);
    done();
  });
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

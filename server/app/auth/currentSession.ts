import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionRecord } from '../sessions/store';
import type { AuthCookies } from './cookies';
import type { SessionService } from './sessions';

export interface SessionCookieHelpers {
  /** The id inside the request's session cookie, when its signature holds. */
  id(request: FastifyRequest): string | undefined;
  /** The live session whose signed cookie came with the request. */
  read(request: FastifyRequest): Promise<SessionRecord | undefined>;
  clear(reply: FastifyReply): void;
}

export function sessionCookieHelpers(
  cookies: AuthCookies,
  sessions: SessionService,
): SessionCookieHelpers {
  function id(request: FastifyRequest): string | undefined {
    const raw = request.cookies[cookies.session];
    if (raw === undefined) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value !== null ? unsigned.value : undefined;
  }
  return {
    id,
    async read(request) {
      const value = id(request);
      return value === undefined ? undefined : sessions.find(value);
    },
    clear(reply) {
      reply.clearCookie(cookies.session, cookies.clearSession);
    },
  };
}

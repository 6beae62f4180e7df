import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionRecord } from '../db/sessionRepository';
import type { AuthCookies } from './cookies';
import type { SessionService } from './sessions';

export interface SessionCookieHelpers {
  /** The live session whose signed cookie came with the request. */
  read(request: FastifyRequest): SessionRecord | undefined;
  clear(reply: FastifyReply): void;
}

export function sessionCookieHelpers(
  cookies: AuthCookies,
  sessions: SessionService,
): SessionCookieHelpers {
  return {
    read(request) {
      const raw = request.cookies[cookies.session];
      if (raw === undefined) return undefined;
      const unsigned = request.unsignCookie(raw);
      if (!unsigned.valid || unsigned.value === null) return undefined;
      return sessions.find(unsigned.value);
    },
    clear(reply) {
      reply.clearCookie(cookies.session, cookies.clearSession);
    },
  };
}

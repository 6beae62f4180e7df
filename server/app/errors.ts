// The app server's own error answers (the format and the handler live in shared/jsonApiErrors).
import type { FastifyReply } from 'fastify';
import { errorDocument, sendErrors } from '../shared/jsonApiErrors';

export function sendError(
  reply: FastifyReply,
  status: number,
  id: string,
  title: string,
  detail?: string,
): FastifyReply {
  return sendErrors(reply, status, errorDocument(id, title, detail).errors);
}

export const unauthenticated = (reply: FastifyReply, detail?: string) =>
  sendError(reply, 401, 'unauthenticated', 'Not signed in', detail);

/** Requests that need a session while the session store (Redis) is away. */
export function sessionStoreUnavailable(reply: FastifyReply): FastifyReply {
  return sendError(
    reply.header('retry-after', '2'),
    503,
    'sessionStoreUnavailable',
    'Sign-in storage is unavailable',
    'The app server cannot reach its sign-in storage right now. It retries by itself; try again in a moment.',
  );
}

/**
 * Outreach failed: it refused, cut the connection, answered a server error (504 when it did not
 * answer in time). Its body and its address stay behind: neither helps the browser, and an
 * internal address (`http://localhost:8788`) is nobody else's business.
 */
export function upstreamFailed(reply: FastifyReply, timedOut: boolean): FastifyReply {
  return timedOut
    ? sendError(
        reply,
        504,
        'upstreamTimeout',
        'Outreach is unreachable',
        'Outreach did not answer in time. Try again in a moment.',
      )
    : sendError(
        reply,
        502,
        'upstreamUnavailable',
        'Outreach is unreachable',
        'Outreach could not be reached or failed to answer. Try again in a moment.',
      );
}

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

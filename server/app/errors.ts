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

/**
 * The emulator's one error handler: every failure becomes a JSON:API error document. Client
 * errors keep their status; anything else is a masked 500, logged but never shown, so no stack
 * trace or internal message ever reaches a client.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, type ErrorObject } from './errors';
import { JSON_API_MEDIA_TYPE } from './jsonApiParsers';

const FRAMEWORK_ERROR_IDS: Record<number, { id: string; title: string }> = {
  400: { id: 'badRequest', title: 'Bad Request' },
  404: { id: 'resourceNotFound', title: 'Resource Not Found' },
  405: { id: 'methodNotAllowed', title: 'Method Not Allowed' },
  413: { id: 'requestTooLarge', title: 'Request Entity Too Large' },
  415: { id: 'unsupportedMediaType', title: 'Unsupported Media Type' },
};

export function sendErrors(
  reply: FastifyReply,
  status: number,
  errors: ErrorObject[],
): FastifyReply {
  return reply.status(status).type(JSON_API_MEDIA_TYPE).send({ errors });
}

export function jsonApiErrorHandler(
  error: FastifyError | ApiError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof ApiError) {
    reply.headers(error.headers);
    return sendErrors(reply, error.statusCode, error.errors);
  }
  const status =
    'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (body too large, bad content length, ...): safe messages.
    const known = FRAMEWORK_ERROR_IDS[status] ?? { id: 'badRequest', title: 'Bad Request' };
    return sendErrors(reply, status, [{ ...known, detail: error.message }]);
  }
  request.log.error({ err: error }, 'emulator request failed');
  return sendErrors(reply, 500, [
    { id: 'internalServerError', title: 'Internal Server Error', detail: 'Something went wrong.' },
  ]);
}

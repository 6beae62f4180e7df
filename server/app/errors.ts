// The app server's errors speak JSON:API, like the upstream it fronts, so the SPA's one API
// client handles both: `{ errors: [{ id, title, detail? }] }`, never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SessionStoreUnavailableError } from './sessions/store';

export interface JsonApiErrorObject {
  id: string;
  title: string;
  detail?: string;
  status?: string;
}

export interface JsonApiErrorDocument {
  errors: JsonApiErrorObject[];
}

export function errorDocument(
  status: number,
  id: string,
  title: string,
  detail?: string,
): JsonApiErrorDocument {
  const error: JsonApiErrorObject = { id, title, status: String(status) };
  if (detail !== undefined) error.detail = detail;
  return { errors: [error] };
}

export function sendError(
  reply: FastifyReply,
  status: number,
  id: string,
  title: string,
  detail?: string,
): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/vnd.api+json')
    .send(errorDocument(status, id, title, detail));
}

export const unauthenticated = (reply: FastifyReply, detail?: string) =>
  sendError(reply, 401, 'unauthenticated', 'Not signed in', detail);

/** The response schema every route shares for its error statuses. */
export const errorDocumentSchema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          detail: { type: 'string' },
          status: { type: 'string' },
        },
      },
    },
  },
} as const;

const CLIENT_ERROR_IDS: Record<number, [string, string]> = {
  400: ['badRequest', 'Bad request'],
  403: ['forbidden', 'Forbidden'],
  404: ['notFound', 'Not found'],
  405: ['methodNotAllowed', 'Method not allowed'],
  413: ['payloadTooLarge', 'Request body too large'],
  415: ['unsupportedMediaType', 'Unsupported media type'],
  429: ['rateLimitExceeded', 'Too many requests'],
};

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

/** One error handler: client errors keep their message, server errors are masked and logged. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if ((error as Error) instanceof SessionStoreUnavailableError) {
    request.log.warn({ reason: error.message }, 'session store unavailable');
    return sessionStoreUnavailable(reply);
  }
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
      ? error.statusCode
      : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, status, 'internalError', 'Something went wrong on the app server');
  }
  const [id, title] = CLIENT_ERROR_IDS[status] ?? ['badRequest', 'Bad request'];
  return sendError(reply, status, error.validation ? 'validationError' : id, title, error.message);
}

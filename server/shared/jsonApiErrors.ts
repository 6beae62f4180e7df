// The JSON:API error format both servers speak, in one place: the error object and document
// types, their response schema, the exception type routes throw, and the one error handler (and
// its twin for requests the router rejects before any plugin runs). The app server and the
// emulator answer alike, so the SPA's one API client reads either: `{ errors: [{ id, title,
// detail?, source? }] }`, never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';

export type ErrorObject = {
  id: string;
  title: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
};

export type ErrorDocument = { errors: ErrorObject[] };

/** Thrown by routes and hooks; the error handler turns it into its document and headers. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly errors: ErrorObject[];
  readonly headers: Record<string, string>;

  constructor(statusCode: number, errors: ErrorObject[], headers: Record<string, string> = {}) {
    super(errors[0]?.detail ?? errors[0]?.title ?? 'Error');
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.errors = errors;
    this.headers = headers;
  }
}

/**
 * fast-json-stringify writes only declared properties, required ones first, then the others in
 * declaration order: every member an error object can carry is declared, in the order the
 * builders write it, so the bytes a client gets are exactly what JSON.stringify wrote.
 */
const errorObjectSchema = {
  type: 'object',
  required: ['id', 'title'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    detail: { type: 'string' },
    source: {
      type: 'object',
      properties: {
        pointer: { type: 'string', description: 'JSON Pointer to the offending body member.' },
        parameter: { type: 'string', description: 'The offending query parameter.' },
      },
    },
  },
} as const;

export const errorDocumentSchema = {
  type: 'object',
  description: 'A JSON:API error document.',
  required: ['errors'],
  properties: { errors: { type: 'array', minItems: 1, items: errorObjectSchema } },
} as const;

export function errorDocument(id: string, title: string, detail?: string): ErrorDocument {
  return { errors: [detail === undefined ? { id, title } : { id, title, detail }] };
}

/** Error answers are about one request: never cached, by the browser or anything between. */
export function sendErrors(
  reply: FastifyReply,
  status: number,
  errors: ErrorObject[],
): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type(JSON_API_MEDIA_TYPE)
    .send({ errors });
}

/** Fastify's own client errors (body too large, bad content length, ...) by status. */
const BAD_REQUEST = { id: 'badRequest', title: 'Bad Request' };
const CLIENT_ERRORS: Record<number, { id: string; title: string }> = {
  400: BAD_REQUEST,
  403: { id: 'forbidden', title: 'Forbidden' },
  404: { id: 'resourceNotFound', title: 'Resource Not Found' },
  405: { id: 'methodNotAllowed', title: 'Method Not Allowed' },
  413: { id: 'requestTooLarge', title: 'Request Entity Too Large' },
  415: { id: 'unsupportedMediaType', title: 'Unsupported Media Type' },
  429: { id: 'rateLimitExceeded', title: 'Too Many Requests' },
};

function statusOf(error: Error): number {
  const status = (error as Partial<FastifyError>).statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

type SchemaProblem = NonNullable<FastifyError['validation']>[number];

/**
 * A request its route schema refuses, as API.md words errors: `source.pointer` names the body
 * member, `source.parameter` the query parameter (or path parameter, or header).
 */
function invalid(problem: SchemaProblem, context: FastifyError['validationContext']): ErrorObject {
  const missing = (problem.params as { missingProperty?: unknown }).missingProperty;
  const path = `${problem.instancePath}${typeof missing === 'string' ? `/${missing}` : ''}`;
  const member = path.slice(1).replaceAll('/', '.');
  const source = context === 'body' ? { pointer: path } : { parameter: member || String(context) };
  const detail = `${member === '' ? (context ?? 'the request') : member} ${problem.message ?? 'is not valid'}.`;
  return { id: 'validationError', title: BAD_REQUEST.title, detail, source };
}

export type ErrorHandler = (
  error: FastifyError | ApiError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply;

/**
 * The one error handler: an `ApiError` answers with its own document and headers, Fastify's
 * client errors keep their (safe) message, and everything else is a 500 that is logged but
 * masked, so no stack trace or internal message reaches a client. `who` names the part in the
 * masked message and the log line.
 */
export function jsonApiErrorHandler(who: string): ErrorHandler {
  return (error, request, reply) => {
    if (error instanceof ApiError) {
      reply.headers(error.headers);
      return sendErrors(reply, error.statusCode, error.errors);
    }
    const status = statusOf(error);
    const { validation, validationContext } = error as Partial<FastifyError>;
    if (validation !== undefined && validation.length > 0) {
      return sendErrors(
        reply,
        400,
        validation.map((problem) => invalid(problem, validationContext)),
      );
    }
    if (status < 500) {
      const known = CLIENT_ERRORS[status] ?? BAD_REQUEST;
      return sendErrors(reply, status, [{ ...known, detail: error.message }]);
    }
    request.log.error({ err: error }, `${who} request failed`);
    return sendErrors(reply, 500, [
      {
        id: 'internalServerError',
        title: 'Internal Server Error',
        detail: `Something went wrong on the ${who}.`,
      },
    ]);
  };
}

/**
 * For Fastify's `frameworkErrors` option: requests the router rejects before any plugin runs
 * (a malformed URL) still get a JSON:API document.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendErrors(reply, 400, [{ ...BAD_REQUEST, detail: error.message }]);
}

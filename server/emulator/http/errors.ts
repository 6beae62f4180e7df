/** The emulator's errors, built on the shared JSON:API error type. */
import { ApiError } from '../../shared/jsonApiErrors';

export const BEARER_REALM = 'Bearer realm="outreach"';

export function unauthenticated(reason: 'missing' | 'invalid' | 'expired'): ApiError {
  const detail =
    reason === 'missing'
      ? 'This request needs an Authorization: Bearer <access token> header.'
      : reason === 'expired'
        ? 'The access token has expired.'
        : 'The access token is not valid.';
  // RFC 6750 §3.1: no error code when no credentials were sent at all.
  const challenge =
    reason === 'missing'
      ? BEARER_REALM
      : `${BEARER_REALM}, error="invalid_token", error_description="${detail}"`;
  return new ApiError(401, [{ id: 'unauthorized', title: 'Unauthorized', detail }], {
    'www-authenticate': challenge,
  });
}

export function insufficientScope(scope: string): ApiError {
  return new ApiError(
    403,
    [
      {
        id: 'unauthorizedOauthScope',
        title: 'Unauthorized OAuth Scope',
        detail: `This operation needs the "${scope}" scope (or a broader one), which the access token was not granted.`,
      },
    ],
    { 'www-authenticate': `${BEARER_REALM}, error="insufficient_scope", scope="${scope}"` },
  );
}

export function forbidden(detail: string): ApiError {
  return new ApiError(403, [{ id: 'unauthorizedRequest', title: 'Unauthorized Request', detail }]);
}

export function resourceNotFound(detail = 'The requested resource does not exist.'): ApiError {
  return new ApiError(404, [{ id: 'resourceNotFound', title: 'Resource Not Found', detail }]);
}

export function conflict(detail: string, pointer: string): ApiError {
  return new ApiError(409, [{ id: 'conflict', title: 'Conflict', detail, source: { pointer } }]);
}

export function validationErrors(errors: { pointer: string; detail: string }[]): ApiError {
  return new ApiError(
    422,
    errors.map(({ pointer, detail }) => ({
      id: 'validationError',
      title: 'Validation Error',
      detail,
      source: { pointer },
    })),
  );
}

export function invalidQueryParameter(parameter: string, detail: string): ApiError {
  return new ApiError(400, [
    { id: 'badRequest', title: 'Invalid query parameter', detail, source: { parameter } },
  ]);
}

export function malformedJson(): ApiError {
  return new ApiError(400, [
    { id: 'badRequest', title: 'Malformed JSON', detail: 'The request body is not valid JSON.' },
  ]);
}

export function unsupportedMediaType(detail: string): ApiError {
  return new ApiError(415, [
    { id: 'unsupportedMediaType', title: 'Unsupported Media Type', detail },
  ]);
}

export function rateLimitExceeded(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    [
      {
        id: 'rateLimitExceeded',
        title: 'Rate Limit Exceeded',
        detail: `Too many requests; try again in ${retryAfterSeconds} seconds.`,
      },
    ],
    { 'retry-after': String(retryAfterSeconds) },
  );
}

export function methodNotAllowed(method: string, allowed: readonly string[]): ApiError {
  return new ApiError(
    405,
    [
      {
        id: 'methodNotAllowed',
        title: 'Method Not Allowed',
        detail: `${method} is not supported here; this resource is read-only (${allowed.join(', ')}).`,
      },
    ],
    { allow: allowed.join(', ') },
  );
}

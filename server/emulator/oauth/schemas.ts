/**
 * Route schemas for /oauth: response shapes only. Parameters stay hand-checked
 * (`formParams.ts`, `authorizationRequest.ts`) because RFC 6749 decides how each problem is
 * answered (a redirect, an HTML page or an error JSON), which Fastify's validation cannot.
 *
 * fast-json-stringify writes only declared properties, in declaration order: both JSON bodies
 * are declared in full, in the order `tokenGrants.ts` and `plugin.ts` build them.
 */

/** RFC 6749 §5.1. */
const tokenResponseSchema = {
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope', 'created_at'],
  properties: {
    access_token: { type: 'string' },
    token_type: { type: 'string', enum: ['bearer'] },
    expires_in: { type: 'integer', description: 'Seconds.' },
    refresh_token: { type: 'string' },
    scope: { type: 'string', description: 'Space-separated scopes.' },
    created_at: { type: 'integer', description: 'Epoch seconds.' },
  },
} as const;

/** RFC 6749 §5.2, and `server_error` for the masked 500. */
const oauthErrorSchema = {
  type: 'object',
  required: ['error', 'error_description'],
  properties: {
    error: {
      type: 'string',
      enum: [
        'invalid_request',
        'invalid_client',
        'invalid_grant',
        'unauthorized_client',
        'unsupported_grant_type',
        'invalid_scope',
        'server_error',
      ],
    },
    error_description: { type: 'string' },
  },
} as const;

// HTML is sent as a string, which Fastify never runs through a serializer: documentation only.
const htmlPageSchema = { type: 'string', description: 'An HTML page.' } as const;

const redirectSchema = {
  type: 'null',
  description: 'To redirect_uri with code and state, or with error, error_description and state.',
} as const;

/** Non-JSON and JSON answers of the same status are told apart by content type. */
const authorizeResponses = {
  303: redirectSchema,
  400: {
    description:
      'An HTML page for an unknown client or redirect URI or an unlisted user (never a ' +
      'redirect: RFC 6749 §4.1.2.1); error JSON for a repeated parameter or a non-form body.',
    content: {
      'text/html': { schema: htmlPageSchema },
      'application/json': { schema: oauthErrorSchema },
    },
  },
  '4xx': oauthErrorSchema,
  '5xx': oauthErrorSchema,
} as const;

export const authorizePageRouteSchema = {
  response: {
    200: { description: 'The consent page.', content: { 'text/html': { schema: htmlPageSchema } } },
    ...authorizeResponses,
  },
} as const;

export const authorizeDecisionRouteSchema = { response: authorizeResponses } as const;

export const tokenRouteSchema = {
  response: {
    200: tokenResponseSchema,
    400: oauthErrorSchema,
    401: { ...oauthErrorSchema, description: 'invalid_client, with WWW-Authenticate: Basic.' },
    '4xx': oauthErrorSchema,
    '5xx': oauthErrorSchema,
  },
} as const;

/**
 * Response schemas shared by every /api/v2 route. They make Fastify serialize with
 * fast-json-stringify and document each status a route can answer. They never validate a
 * request: the hand-written parsers stay, because Fastify's own validation would answer with
 * its own error format instead of a JSON:API document with `source.pointer`/`source.parameter`.
 */
import Type from 'typebox';
import { errorDocumentSchema } from '../../shared/jsonApiErrors';

/** What the API guard, the parsers and the error handler may answer on any /api/v2 route. */
const ALWAYS_POSSIBLE = [401, 429] as const;

/**
 * The error statuses API.md lists for a route, plus `4xx` for the framework's own client
 * errors (413, 415, ...) and `5xx` for the masked internal error: every answer has a schema.
 */
export function errorResponses(...statuses: number[]) {
  const codes = [...new Set([...statuses, ...ALWAYS_POSSIBLE])].sort((a, b) => a - b);
  return {
    ...Object.fromEntries(codes.map((code) => [code, errorDocumentSchema])),
    '4xx': errorDocumentSchema,
    '5xx': errorDocumentSchema,
  };
}

/**
 * `{id}` is declared as a plain string on purpose: a pattern or `integer` would let Fastify
 * answer `/callPurposes/abc` with its own 400, where the handler answers 404 resourceNotFound
 * (a path that names no resource), as Outreach does.
 */
export const idParamsSchema = Type.Object({
  id: Type.String({ description: 'A positive integer id; anything else names no resource (404).' }),
});

export const noContentSchema = { type: 'null', description: 'No content.' } as const;

/**
 * Route schemas for /api/v2: params and every response status, per API.md's operations table.
 * No `querystring` or `body` schemas: the hand-written parsers (`listQuery.ts`,
 * `callPurposeInput.ts`) answer bad input with JSON:API errors that name the offending
 * parameter or pointer, which Fastify's validation cannot do. `params.id` stays an unvalidated
 * string for the same reason (see `idParamsSchema`).
 */
import {
  apiRootDocumentSchema,
  callPurposeCollectionDocumentSchema,
  callPurposeDocumentSchema,
  userDocumentSchema,
} from '../documents/schemas';
import { callCollectionDocumentSchema, callDocumentSchema } from '../documents/callSchemas';
import { errorResponses, idParamsSchema, noContentSchema } from '../http/schemas';

export const apiRootRouteSchema = {
  response: { 200: apiRootDocumentSchema, ...errorResponses(400) },
} as const;

export const listCallPurposesRouteSchema = {
  response: { 200: callPurposeCollectionDocumentSchema, ...errorResponses(400, 403) },
} as const;

export const createCallPurposeRouteSchema = {
  response: { 201: callPurposeDocumentSchema, ...errorResponses(400, 403, 415, 422) },
} as const;

export const readCallPurposeRouteSchema = {
  params: idParamsSchema,
  response: { 200: callPurposeDocumentSchema, ...errorResponses(400, 403, 404) },
} as const;

export const updateCallPurposeRouteSchema = {
  params: idParamsSchema,
  response: { 200: callPurposeDocumentSchema, ...errorResponses(400, 403, 404, 409, 415, 422) },
} as const;

export const deleteCallPurposeRouteSchema = {
  params: idParamsSchema,
  response: { 204: noContentSchema, ...errorResponses(400, 403, 404) },
} as const;

export const readUserRouteSchema = {
  params: idParamsSchema,
  response: { 200: userDocumentSchema, ...errorResponses(400, 403, 404) },
} as const;

export const listCallsRouteSchema = {
  response: { 200: callCollectionDocumentSchema, ...errorResponses(400, 403) },
} as const;

export const readCallRouteSchema = {
  params: idParamsSchema,
  response: { 200: callDocumentSchema, ...errorResponses(400, 403, 404) },
} as const;

export const refusedCallWriteRouteSchema = {
  response: errorResponses(405),
} as const;

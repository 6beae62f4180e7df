/**
 * Response schemas of the call documents `callDocuments.ts` builds (see `schemas.ts` for why
 * every member is declared, in the builder's order, and only a leading run is required).
 */
import { countMetaSchema, pageLinksSchema } from './schemas';

const identifierOrNull = (type: string) =>
  ({
    type: ['object', 'null'],
    required: ['type', 'id'],
    properties: { type: { type: 'string', enum: [type] }, id: { type: 'integer' } },
  }) as const;

export const callResourceSchema = {
  type: 'object',
  required: ['type', 'id', 'attributes'],
  properties: {
    type: { type: 'string', enum: ['call'] },
    id: { type: 'integer' },
    // Each attribute is optional: `fields[call]` may ask for any subset, or none.
    attributes: {
      type: 'object',
      properties: {
        direction: { type: 'string', enum: ['inbound', 'outbound'] },
        outcome: { type: 'string' },
        state: { type: 'string' },
        createdAt: { type: 'string', description: 'ISO-8601 UTC, read-only.' },
        updatedAt: { type: 'string', description: 'ISO-8601 UTC, read-only.' },
      },
    },
    relationships: {
      type: 'object',
      properties: {
        callPurpose: {
          type: 'object',
          required: ['data'],
          properties: { data: identifierOrNull('callPurpose') },
        },
        user: {
          type: 'object',
          required: ['data'],
          properties: { data: identifierOrNull('user') },
        },
      },
    },
    links: { type: 'object', required: ['self'], properties: { self: { type: 'string' } } },
  },
} as const;

export const callDocumentSchema = {
  type: 'object',
  required: ['data'],
  properties: { data: callResourceSchema },
} as const;

export const callCollectionDocumentSchema = {
  type: 'object',
  required: ['data', 'links', 'meta'],
  properties: {
    data: { type: 'array', items: callResourceSchema },
    links: pageLinksSchema,
    meta: countMetaSchema,
  },
} as const;

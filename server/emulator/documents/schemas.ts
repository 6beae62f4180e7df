/**
 * JSON Schemas of the documents `resources.ts` and `callPurposeDocuments.ts` build, used as
 * Fastify response schemas (fast-json-stringify) and as their documentation.
 *
 * fast-json-stringify writes only declared properties, in declaration order, and leaves out
 * the ones a document lacks. So every member a builder can emit is declared here, optional
 * unless always present, and in the builder's order: sparse fieldsets (`fields[...]`), the
 * authorization `meta`, `included`, pagination `links` and `meta.count` all pass through, and
 * the bytes are those JSON.stringify would write (it writes required members first, so only a
 * leading run of members is marked required). A member added to a builder must be added
 * here too, or it silently disappears from responses.
 */

const userIdentifierSchema = {
  type: 'object',
  required: ['type', 'id'],
  properties: { type: { type: 'string', enum: ['user'] }, id: { type: 'integer' } },
} as const;

const selfLinksSchema = {
  type: 'object',
  required: ['self'],
  properties: { self: { type: 'string' } },
} as const;

export const callPurposeResourceSchema = {
  type: 'object',
  // `links` is always present too, but fast-json-stringify writes required members first: left
  // optional, it keeps its place after `relationships`, in API.md's member order.
  required: ['type', 'id', 'attributes'],
  properties: {
    type: { type: 'string', enum: ['callPurpose'] },
    id: { type: 'integer' },
    // Each attribute is optional: `fields[callPurpose]` may ask for any subset, or none.
    attributes: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        order: { type: ['integer', 'null'] },
        createdAt: { type: 'string', description: 'ISO-8601 UTC, read-only.' },
        updatedAt: { type: 'string', description: 'ISO-8601 UTC, read-only.' },
      },
    },
    // Absent when a sparse fieldset names neither relationship.
    relationships: {
      type: 'object',
      properties: {
        creator: {
          type: 'object',
          required: ['data'],
          properties: { data: { ...userIdentifierSchema, type: ['object', 'null'] } },
        },
        calls: {
          type: 'object',
          required: ['links'],
          properties: {
            links: {
              type: 'object',
              required: ['related'],
              properties: { related: { type: 'string' } },
            },
          },
        },
      },
    },
    links: selfLinksSchema,
    // Only with `provideAuthorizationMeta=true`.
    meta: {
      type: 'object',
      required: ['canWrite', 'canDelete'],
      properties: { canWrite: { type: 'boolean' }, canDelete: { type: 'boolean' } },
    },
  },
} as const;

export const userResourceSchema = {
  type: 'object',
  required: ['type', 'id', 'attributes', 'links'],
  properties: {
    type: { type: 'string', enum: ['user'] },
    id: { type: 'integer' },
    // Each attribute is optional: `fields[user]` may ask for any subset, or none.
    attributes: {
      type: 'object',
      properties: {
        email: { type: 'string' },
        firstName: { type: 'string' },
        lastName: { type: 'string' },
        createdAt: { type: 'string' },
        updatedAt: { type: 'string' },
      },
    },
    links: selfLinksSchema,
  },
} as const;

/** `include=creator` adds the creating users. */
const includedUsersSchema = { type: 'array', items: userResourceSchema } as const;

/** A collection page's links: `prev`/`next` are absent on the first/last page. */
export const pageLinksSchema = {
  type: 'object',
  required: ['first'],
  properties: {
    first: { type: 'string' },
    prev: { type: 'string' },
    next: { type: 'string' },
  },
} as const;

/** A collection's meta: `count` only with `count=true`; otherwise `{}`. */
export const countMetaSchema = {
  type: 'object',
  properties: { count: { type: 'integer' } },
} as const;

export const callPurposeDocumentSchema = {
  type: 'object',
  required: ['data'],
  properties: { data: callPurposeResourceSchema, included: includedUsersSchema },
} as const;

export const callPurposeCollectionDocumentSchema = {
  type: 'object',
  required: ['data', 'links', 'meta'],
  properties: {
    data: { type: 'array', items: callPurposeResourceSchema },
    links: pageLinksSchema,
    meta: countMetaSchema,
    included: includedUsersSchema,
  },
} as const;

export const userDocumentSchema = {
  type: 'object',
  required: ['data'],
  properties: { data: userResourceSchema },
} as const;

/** `GET /api/v2`: the token's user and scopes, in a top-level `meta`. */
export const apiRootDocumentSchema = {
  type: 'object',
  required: ['meta'],
  properties: {
    meta: {
      type: 'object',
      required: ['user', 'scopes'],
      properties: {
        user: {
          type: 'object',
          required: ['id', 'email', 'firstName', 'lastName'],
          properties: {
            id: { type: 'integer' },
            email: { type: 'string' },
            firstName: { type: 'string' },
            lastName: { type: 'string' },
          },
        },
        scopes: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

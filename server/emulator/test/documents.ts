/**
 * Response bodies as the tests read them: `response.json<ListDocument>()` instead of `any`.
 * They reuse the emulator's own types and pin down only what API.md promises beyond them.
 */
import type { CallPurposeResource, userResource } from '../documents/resources';
import type { OAuthErrorCode } from '../oauth/errors';

/** A call purpose with API.md's attributes (a sparse fieldset leaves some out). */
export type CallPurposeJson = Omit<CallPurposeResource, 'attributes' | 'relationships'> & {
  attributes: { name: string; order: number | null; createdAt: string; updatedAt: string };
  relationships?: {
    creator?: { data: { type: 'user'; id: number } | null };
    calls?: { links: { related: string } };
  };
};

export type UserJson = ReturnType<typeof userResource>;

export type ListDocument = {
  data: CallPurposeJson[];
  links: { first: string; prev?: string; next?: string };
  meta: { count?: number };
  included?: UserJson[];
};

export type SingleDocument<Resource = CallPurposeJson> = {
  data: Resource;
  included?: UserJson[];
};

/** `GET /api/v2`: who the token belongs to and what it may do. */
export type ApiRootDocument = {
  meta: {
    user: { id: number; email: string; firstName: string; lastName: string };
    scopes: string[];
  };
};

/** RFC 6749 §5.2 error response of the token endpoint. */
export type OAuthErrorResponse = { error: OAuthErrorCode; error_description: string };

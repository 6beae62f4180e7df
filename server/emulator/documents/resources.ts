/**
 * Rows to JSON:API resource objects, in exactly the shape API.md shows. Links are relative to
 * the host and start with `apiBase`, the API's path as clients reach it: "/api/v2" standalone
 * (as API.md writes them), "/emulator/api/v2" when embedded, so a client following them stays
 * on the emulator. The app server's proxy rewrites them to its own "/api/v2".
 */
import type { DocumentOptions } from '../query/listQuery';
import type { CallPurposeRow } from '../repositories/callPurposes';
import type { UserRow } from '../repositories/users';

type Attributes = Record<string, unknown>;

export function pick(all: Attributes, fields: ReadonlySet<string> | undefined): Attributes {
  if (!fields) return all;
  return Object.fromEntries(Object.entries(all).filter(([key]) => fields.has(key)));
}

export type CallPurposeResource = {
  type: 'callPurpose';
  id: number;
  attributes: Attributes;
  relationships?: Record<string, unknown>;
  links: { self: string };
  meta?: { canWrite: boolean; canDelete: boolean };
};

export function callPurposeResource(
  row: CallPurposeRow,
  options: DocumentOptions,
  meta: { canWrite: boolean; canDelete: boolean },
  apiBase: string,
): CallPurposeResource {
  const fields = options.fields.callPurpose;
  const relationships = pick(
    {
      creator: { data: row.creatorId === null ? null : { type: 'user', id: row.creatorId } },
      calls: { links: { related: `${apiBase}/calls?filter[callPurpose][id]=${row.id}` } },
    },
    fields,
  );
  // Members in API.md's order: type, id, attributes, relationships, links, meta.
  return {
    type: 'callPurpose',
    id: row.id,
    attributes: pick(
      { name: row.name, order: row.order, createdAt: row.createdAt, updatedAt: row.updatedAt },
      fields,
    ),
    ...(Object.keys(relationships).length > 0 ? { relationships } : {}),
    links: { self: `${apiBase}/callPurposes/${row.id}` },
    ...(options.authorizationMeta ? { meta } : {}),
  };
}

export function userResource(user: UserRow, apiBase: string, fields?: ReadonlySet<string>) {
  return {
    type: 'user' as const,
    id: user.id,
    attributes: pick(
      {
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      fields,
    ),
    links: { self: `${apiBase}/users/${user.id}` },
  };
}

// The wire shapes of JSON:API 1.0, and the few helpers every adapter needs. Components never see
// these: each feature's adapter turns them into flat domain objects.
export type ResourceIdentifier = { type: string; id: string | number };

export type Resource = ResourceIdentifier & {
  attributes?: Record<string, unknown>;
  relationships?: Record<
    string,
    { data?: ResourceIdentifier | ResourceIdentifier[] | null; links?: Record<string, unknown> }
  >;
  links?: Record<string, unknown>;
  meta?: Record<string, unknown>;
};

export type JsonApiDocument<D extends Resource | Resource[]> = {
  data: D;
  included?: Resource[];
  links?: { next?: string | null; [name: string]: unknown };
  meta?: Record<string, unknown>;
};

/** Looks up `included[]` by type and id, comparing ids as strings as JSON:API allows either. */
export function indexIncluded(included: readonly Resource[] = []): Map<string, Resource> {
  return new Map(included.map((resource) => [`${resource.type}:${resource.id}`, resource]));
}

export function relatedIdentifier(resource: Resource, name: string): ResourceIdentifier | null {
  const data = resource.relationships?.[name]?.data;
  return data && !Array.isArray(data) ? data : null;
}

/**
 * Pagination links point at the upstream API (Outreach or the emulator); the browser must go
 * through its own origin's `/api/v2` proxy instead, keeping the path and query after `/api/v2`.
 */
export function toProxiedApiPath(link: string): string {
  const url = new URL(link, 'http://same-origin.invalid');
  const at = url.pathname.indexOf('/api/v2');
  const rest = at === -1 ? url.pathname : url.pathname.slice(at + '/api/v2'.length);
  return `/api/v2${rest}${url.search}`;
}

export function stringAttribute(resource: Resource, name: string): string {
  const value = resource.attributes?.[name];
  return typeof value === 'string' ? value : '';
}

export function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

// The wire shapes of JSON:API 1.0, and the few helpers every adapter needs. Components never see
// these: each feature's adapter turns them into flat domain objects.
import { PROXY_PREFIX, proxiedApiPath } from '../../shared/apiLinks';
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
 * The same-origin path to follow a link the proxy handed over (`links.next`), by the rule the
 * proxy itself applies (shared/apiLinks.ts). A link outside /api/v2 is never followed.
 */
export function toProxiedApiPath(link: string): string {
  const path = proxiedApiPath(link, PROXY_PREFIX);
  if (path === undefined) throw new Error(`Refusing to follow a link outside ${PROXY_PREFIX}.`);
  return path;
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

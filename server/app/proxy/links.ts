// The proxy rewrites the `links` members of a JSON:API document (top level, each resource,
// each relationship) so the browser follows them through /api/v2, and nothing else: a name
// that happens to contain "/emulator/api/v2/" is data, and reads back exactly as stored.
import { apiLinkMapper } from '../../../shared/apiLinks';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as a list when it is one (`Array.isArray` alone would type its items `any`). */
function listOf(value: unknown, otherwise: unknown[]): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : otherwise;
}

type LinkMapper = ReturnType<typeof apiLinkMapper>;

/** A links object's members are URLs or link objects `{ href, meta? }`. */
function rewriteLinksObject(links: unknown, map: LinkMapper): void {
  if (!isObject(links)) return;
  for (const [name, link] of Object.entries(links)) {
    if (typeof link === 'string') {
      links[name] = map(link) ?? link;
    } else if (isObject(link) && typeof link.href === 'string') {
      link.href = map(link.href) ?? link.href;
    }
  }
}

function rewriteResource(resource: unknown, map: LinkMapper): void {
  if (!isObject(resource)) return;
  rewriteLinksObject(resource.links, map);
  if (!isObject(resource.relationships)) return;
  for (const relationship of Object.values(resource.relationships)) {
    if (isObject(relationship)) rewriteLinksObject(relationship.links, map);
  }
}

/** Rewrites the document's links in place and returns it. */
export function rewriteDocumentLinks<T>(document: T, apiUrl: string): T {
  if (!isObject(document)) return document;
  const map = apiLinkMapper(apiUrl);
  rewriteLinksObject(document.links, map);
  const resources: unknown[] = [
    ...listOf(document.data, [document.data]),
    ...listOf(document.included, []),
  ];
  for (const resource of resources) rewriteResource(resource, map);
  return document;
}

/** The body to hand the browser: a parsed document's links rewritten, anything else as it came. */
export function rewriteBodyLinks(body: Buffer, apiUrl: string): Buffer {
  let document: unknown;
  try {
    document = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  return Buffer.from(JSON.stringify(rewriteDocumentLinks(document, apiUrl)));
}

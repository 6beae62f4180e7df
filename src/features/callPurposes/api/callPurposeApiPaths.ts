// The one place that spells the call-purpose API's paths, through our own origin's /api/v2 proxy.

const COLLECTION = '/api/v2/callPurposes';

/**
 * Every request answered with call-purpose documents asks for the same things: the signed-in
 * user's rights on each purpose (which controls to show) and its creator (the "Created by" column).
 */
const DOCUMENT_QUERY = { provideAuthorizationMeta: 'true', include: 'creator' };

/** The largest page the API serves: the whole list usually comes in one request. */
export const LIST_PAGE_SIZE = 1000;

function withQuery(path: string, query: Record<string, string>): string {
  return `${path}?${new URLSearchParams(query).toString()}`;
}

export const callPurposeApiPaths = {
  /** The first page of the list; the rest follow `links.next`. */
  list: () => withQuery(COLLECTION, { ...DOCUMENT_QUERY, 'page[size]': String(LIST_PAGE_SIZE) }),
  /** Where a new purpose is POSTed, answered with its document. */
  create: () => withQuery(COLLECTION, DOCUMENT_QUERY),
  /** One purpose, to GET or PATCH, answered with its document. */
  one: (id: number) => withQuery(`${COLLECTION}/${id}`, DOCUMENT_QUERY),
  /**
   * How many logged calls use a purpose: the calls resource filtered by it, one call and the
   * total (`count`), nothing more.
   */
  usage: (id: number) =>
    withQuery('/api/v2/calls', {
      'filter[callPurpose][id]': String(id),
      'page[size]': '1',
      count: 'true',
    }),
  /** One purpose to DELETE: the answer has no document, so nothing to ask for. */
  deletion: (id: number) => `${COLLECTION}/${id}`,
};

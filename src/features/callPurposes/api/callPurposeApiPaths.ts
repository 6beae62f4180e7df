// The one place that spells the call-purpose API's paths, through our own origin's /api/v2 proxy.
// The list's first page is named in `shared/` because the app server preloads it.
import {
  CALL_PURPOSES_PATH,
  CALL_PURPOSE_DOCUMENT_QUERY,
  callPurposeListPath,
  withQuery,
} from '../../../../shared/firstPageRequests';

const COLLECTION = CALL_PURPOSES_PATH;
const DOCUMENT_QUERY = CALL_PURPOSE_DOCUMENT_QUERY;

export const callPurposeApiPaths = {
  /** The first page of the list; the rest follow `links.next`. */
  list: callPurposeListPath,
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

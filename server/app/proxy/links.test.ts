import { describe, expect, it } from 'vitest';
import { EMBEDDED, LINK_CASES } from '../../../shared/apiLinks.cases';
import { rewriteBodyLinks, rewriteDocumentLinks } from './links';

// The same table the SPA's link following is tested against (src/lib/jsonApi.test.ts).
describe('rewriteDocumentLinks', () => {
  it.each(LINK_CASES)(
    'maps %s (upstream %s) to %s in every links member',
    (link, apiBase, proxied) => {
      const expected = proxied ?? link;
      const document = {
        data: [
          {
            type: 'callPurpose',
            id: 1,
            attributes: { name: link },
            relationships: { calls: { links: { related: link } }, creator: { data: null } },
            links: { self: link },
          },
        ],
        included: [
          { type: 'user', id: 2, attributes: { email: link }, links: { self: { href: link } } },
        ],
        links: { first: link, next: { href: link, meta: { note: link } } },
        meta: { link },
      };
      expect(rewriteDocumentLinks(structuredClone(document), apiBase)).toEqual({
        data: [
          {
            type: 'callPurpose',
            id: 1,
            attributes: { name: link },
            relationships: { calls: { links: { related: expected } }, creator: { data: null } },
            links: { self: expected },
          },
        ],
        included: [
          { type: 'user', id: 2, attributes: { email: link }, links: { self: { href: expected } } },
        ],
        links: { first: expected, next: { href: expected, meta: { note: link } } },
        meta: { link },
      });
    },
  );

  it('rewrites a single resource document', () => {
    const rewritten = rewriteDocumentLinks(
      { data: { type: 'callPurpose', id: 7, links: { self: `${EMBEDDED}/callPurposes/7` } } },
      EMBEDDED,
    );
    expect(rewritten.data.links.self).toBe('/api/v2/callPurposes/7');
  });

  it('leaves bodies that are not JSON, and documents without links, as they came', () => {
    const text = Buffer.from('not json /emulator/api/v2/x');
    expect(rewriteBodyLinks(text, EMBEDDED)).toBe(text);
    const errors = { errors: [{ id: 'x', title: 'see /emulator/api/v2/callPurposes' }] };
    expect(
      JSON.parse(rewriteBodyLinks(Buffer.from(JSON.stringify(errors)), EMBEDDED).toString()),
    ).toEqual(errors);
  });
});

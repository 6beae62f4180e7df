// The table of link cases shared by the proxy's rewriting (server/app/proxy/links.ts) and the
// SPA's pagination (src/lib/jsonApi.ts): a link as the upstream wrote it, the upstream's API
// base, and the path the browser must follow (undefined: not an API link, left alone).
export const OUTREACH = 'https://api.outreach.io/api/v2';
export const EMBEDDED = 'http://localhost:8787/emulator/api/v2';

export const LINK_CASES: readonly (readonly [
  link: string,
  apiBase: string,
  proxied: string | undefined,
])[] = [
  [`${OUTREACH}/callPurposes?page[after]=x`, OUTREACH, '/api/v2/callPurposes?page[after]=x'],
  [`${OUTREACH}/callPurposes/7`, OUTREACH, '/api/v2/callPurposes/7'],
  [OUTREACH, OUTREACH, '/api/v2'],
  [
    `${OUTREACH}/calls?filter[callPurpose][id]=7`,
    OUTREACH,
    '/api/v2/calls?filter[callPurpose][id]=7',
  ],
  ['/api/v2/callPurposes/7', OUTREACH, '/api/v2/callPurposes/7'],
  [`${EMBEDDED}/callPurposes?page[size]=2`, EMBEDDED, '/api/v2/callPurposes?page[size]=2'],
  ['/emulator/api/v2/callPurposes/1', EMBEDDED, '/api/v2/callPurposes/1'],
  ['/emulator/api/v2', EMBEDDED, '/api/v2'],
  // Not under the API base: left as they are.
  ['https://evil.example/api/v2/callPurposes', OUTREACH, undefined],
  [`${OUTREACH}x/callPurposes`, OUTREACH, undefined],
  ['/emulator/api/v2/callPurposes', OUTREACH, undefined],
  ['/api/v2/callPurposes/1', EMBEDDED, undefined],
  [`${EMBEDDED}/../../oauth/token`, EMBEDDED, undefined],
  ['https://api.outreach.io/oauth/token', OUTREACH, undefined],
  // What the proxy hands the SPA, followed as it is.
  ['/api/v2/callPurposes?page[after]=abc', '/api/v2', '/api/v2/callPurposes?page[after]=abc'],
  ['/api/v2', '/api/v2', '/api/v2'],
  ['https://evil.example/api/v2/callPurposes', '/api/v2', undefined],
  ['//evil.example/api/v2/callPurposes', '/api/v2', undefined],
  ['/oauth/token', '/api/v2', undefined],
];

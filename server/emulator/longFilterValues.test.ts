// Issue 17: a signed-in user's long filter value must cost linear time. `^(.+)\.\.(.+)$` spent
// seconds on 50 KB of dots, and the app server shares the emulator's event loop, so every other
// request (health checks included) waited. Every filter of both list endpoints gets the
// attacker's value; each answers 400 and a /healthz sent alongside answers too. Over
// `app.inject`, because Node itself refuses a 50 KB request line on a socket (431).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_FILTER_PARAMETERS } from './query/callListQuery';
import { SORT_FIELDS } from './query/parameters';
import { isErrorDocument } from './test/contract';
import { startEmulator, type Emulator } from './test/harness';

const LONG_VALUES = {
  'dots then a newline (the reproduction)': `${'.'.repeat(50_000)}\n`,
  'a digit, dots, a newline': `1${'.'.repeat(50_000)}\n`,
};

const FILTERED_URLS = [
  ...SORT_FIELDS.map((field) => ({ path: '/api/v2/callPurposes', parameter: `filter[${field}]` })),
  ...CALL_FILTER_PARAMETERS.map((parameter) => ({ path: '/api/v2/calls', parameter })),
];

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ rateLimit: 1_000_000 });
  token = emulator.token('admin', 'callPurposes.all calls.read');
});
afterAll(() => emulator.close());

describe('a 50 KB value in every filter', () => {
  it('covers both endpoints', () => {
    expect(FILTERED_URLS.filter((url) => url.path.endsWith('/calls')).length).toBeGreaterThan(5);
    expect(FILTERED_URLS.length).toBeGreaterThan(10);
  });

  it.each(Object.entries(LONG_VALUES))(
    'is a 400 naming the filter, while /healthz answers alongside: %s',
    async (_label, value) => {
      const filtered = FILTERED_URLS.map(async ({ path, parameter }) => {
        const query = new URLSearchParams({ [parameter]: value });
        const response = await emulator.request({ method: 'GET', url: `${path}?${query}`, token });
        const body = response.json<{ errors: { source?: { parameter?: string } }[] }>();
        return { parameter, status: response.statusCode, body };
      });
      const health = emulator.request({ method: 'GET', url: '/healthz' });
      const [healthz, ...answers] = await Promise.all([health, ...filtered]);
      expect(healthz.statusCode).toBe(200);
      for (const answer of answers) {
        expect(answer.status, answer.parameter).toBe(400);
        expect(isErrorDocument(answer.body)).toBe(true);
        expect(answer.body.errors[0]?.source?.parameter).toBe(answer.parameter);
      }
    },
  );
});

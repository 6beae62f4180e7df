// The SPA's network in unit tests: Mock Service Worker answers at the HTTP layer, so the code
// under test makes real `fetch` calls (headers, bodies, status codes) instead of calling a
// hand-made stub. A request no handler expects fails the test.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const mswServer = setupServer();

/** Call at the top of a test file (jsdom, so relative URLs resolve against its origin). */
export function withMswServer(): void {
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mswServer.resetHandlers());
  afterAll(() => mswServer.close());
}

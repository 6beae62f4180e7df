// Mounted under a prefix inside another server (as `npm start` does), the emulator keeps its
// parsers, error handler and not-found handler to itself.
import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorDocument } from './http/errors';
import { emulatorPlugin } from './plugin';
import type { ListDocument } from './test/documents';
import { tempDataDir, tokenFor } from './test/harness';

const dataDir = tempDataDir();
const parent = Fastify();

beforeAll(async () => {
  parent.post('/echo', (request) => ({ got: request.body }));
  parent.get('/boom', () => {
    throw new Error('parent failure');
  });
  await parent.register(emulatorPlugin, { prefix: '/emulator', dataDir });
  await parent.ready();
});
afterAll(() => parent.close());

it('serves the API and OAuth under the prefix', async () => {
  const token = tokenFor(dataDir, 'admin');
  const list = await parent.inject({
    method: 'GET',
    url: '/emulator/api/v2/callPurposes?page[size]=1',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(list.statusCode).toBe(200);
  // Links are written as API.md shows them, relative to the API host.
  expect(list.json<ListDocument>().links.next).toMatch(
    /^\/api\/v2\/callPurposes\?page\[size\]=1&page\[after\]=/,
  );
  const consent = await parent.inject({
    method: 'GET',
    url: '/emulator/oauth/authorize?client_id=call-purpose-admin&redirect_uri=http%3A%2F%2Flocalhost%3A8787%2Fauth%2Fcallback&response_type=code',
  });
  expect(consent.statusCode).toBe(200);
  const missing = await parent.inject({ method: 'GET', url: '/emulator/nowhere' });
  expect(missing.statusCode).toBe(404);
  expect(missing.json<ErrorDocument>().errors[0]?.id).toBe('resourceNotFound');
});

it('leaves the parent its own JSON parser, error handler and 404 handler', async () => {
  const echo = await parent.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
  expect(echo.json()).toEqual({ got: { a: 1 } });
  const boom = await parent.inject({ method: 'GET', url: '/boom' });
  expect(boom.statusCode).toBe(500);
  expect(boom.json()).not.toHaveProperty('errors');
  const missing = await parent.inject({ method: 'GET', url: '/elsewhere' });
  expect(missing.statusCode).toBe(404);
  expect(missing.json()).not.toHaveProperty('errors');
});

// Mounted under a prefix inside another server (as `npm start` does), the emulator keeps its
// parsers, error handler and not-found handler to itself.
import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ErrorDocument } from '../shared/jsonApiErrors';
import { emulatorPlugin } from './plugin';
import type { ListDocument, SingleDocument } from './test/documents';
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
  // Links are relative to the host and carry the mount prefix, so a client following them
  // stays on the emulator.
  expect(list.json<ListDocument>().links.next).toMatch(
    /^\/emulator\/api\/v2\/callPurposes\?page\[size\]=1&page\[after\]=/,
  );
  const next = await parent.inject({
    method: 'GET',
    url: String(list.json<ListDocument>().links.next),
    headers: { authorization: `Bearer ${token}` },
  });
  expect(next.statusCode).toBe(200);
  const created = await parent.inject({
    method: 'POST',
    url: '/emulator/api/v2/callPurposes',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json' },
    payload: JSON.stringify({ data: { type: 'callPurpose', attributes: { name: 'Mounted' } } }),
  });
  expect(created.statusCode).toBe(201);
  const id = created.json<SingleDocument>().data.id;
  expect(created.headers.location).toBe(`/emulator/api/v2/callPurposes/${id}`);
  expect(created.json<SingleDocument>().data.links.self).toBe(
    `/emulator/api/v2/callPurposes/${id}`,
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

it('writes links under publicPrefix when a reverse proxy publishes it elsewhere', async () => {
  const proxiedData = tempDataDir();
  const proxied = Fastify();
  await proxied.register(emulatorPlugin, {
    prefix: '/emulator',
    publicPrefix: '/outreach',
    dataDir: proxiedData,
  });
  try {
    const list = await proxied.inject({
      method: 'GET',
      url: '/emulator/api/v2/callPurposes?page[size]=1',
      headers: { authorization: `Bearer ${tokenFor(proxiedData, 'admin')}` },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json<ListDocument>().links.next).toMatch(/^\/outreach\/api\/v2\/callPurposes\?/);
    expect(list.json<ListDocument>().data[0]?.links.self).toMatch(
      /^\/outreach\/api\/v2\/callPurposes\/\d+$/,
    );
  } finally {
    await proxied.close();
  }
});

// Emulator fidelity found while hardening (issue 8 point 8), over real HTTP: names Outreach
// could not store faithfully are refused with a pointer, a reused refresh token revokes its
// grant (RFC 9700), and a PATCH naming no attribute changes nothing.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_NAMES, REFUSED_NAMES } from '../../shared/purposeName.cases';
import { buildEmulatorServer } from './app';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { JSON_API, tempDataDir, tokenFor } from './test/harness';
import type { FastifyInstance } from 'fastify';

const REDIRECT = 'http://localhost:8787/auth/callback';
const FORM = 'application/x-www-form-urlencoded';

let app: FastifyInstance;
let base: string;
let dataDir: string;
let admin: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  app = await buildEmulatorServer({ dataDir });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  admin = tokenFor(dataDir, 'admin');
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function api(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  return fetch(`${base}/api/v2${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${init.token ?? admin}`,
      ...(init.body === undefined ? {} : { 'content-type': JSON_API }),
    },
    // JSON.stringify writes a lone surrogate as the escape `\udXXX`, as any client would.
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function allNames(): Promise<string[]> {
  const list = (await (await api('/callPurposes?page[size]=1000')).json()) as {
    data: { attributes: { name: string } }[];
  };
  return list.data.map((resource) => resource.attributes.name);
}

describe('names', () => {
  it.each(REFUSED_NAMES)(
    'refuses a name with %s, on create and on update',
    async (_label, name) => {
      const before = await allNames();
      const created = await api('/callPurposes', {
        method: 'POST',
        body: { data: { type: 'callPurpose', attributes: { name } } },
      });
      expect(created.status).toBe(422);
      const createErrors = (await created.json()) as { errors: { source: { pointer: string } }[] };
      expect(createErrors.errors.map((error) => error.source.pointer)).toEqual([
        '/data/attributes/name',
      ]);

      const updated = await api('/callPurposes/3', {
        method: 'PATCH',
        body: { data: { type: 'callPurpose', id: 3, attributes: { name } } },
      });
      expect(updated.status).toBe(422);
      const updateErrors = (await updated.json()) as { errors: { source: { pointer: string } }[] };
      expect(updateErrors.errors[0]?.source.pointer).toBe('/data/attributes/name');
      expect(await allNames()).toEqual(before);
    },
  );

  it.each(ACCEPTED_NAMES)('stores accepted name #%# exactly as trimmed', async (input, stored) => {
    const created = await api('/callPurposes', {
      method: 'POST',
      body: { data: { type: 'callPurpose', attributes: { name: input } } },
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: number } };
    const read = (await (await api(`/callPurposes/${data.id}`)).json()) as {
      data: { attributes: { name: string } };
    };
    expect(read.data.attributes.name).toBe(stored);
    expect((await api(`/callPurposes/${data.id}`, { method: 'DELETE' })).status).toBe(204);
  });
});

describe('PATCH', () => {
  it.each([
    ['no attributes member', { type: 'callPurpose', id: 4 }],
    ['empty attributes', { type: 'callPurpose', id: 4, attributes: {} }],
  ])('with %s changes nothing, updatedAt included', async (_label, data) => {
    const before: unknown = await (await api('/callPurposes/4')).json();
    const patched = await api('/callPurposes/4', { method: 'PATCH', body: { data } });
    expect(patched.status).toBe(200);
    const after: unknown = await (await api('/callPurposes/4')).json();
    expect(after).toEqual(before);
  });
});

describe('refresh tokens', () => {
  async function post(path: string, fields: Record<string, string>) {
    return fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });
  }

  async function tokens(fields: Record<string, string>) {
    const response = await post('/oauth/token', {
      client_id: SEEDED_CLIENT.clientId,
      client_secret: SEEDED_CLIENT.clientSecret,
      ...fields,
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }

  it('reusing a rotated one revokes the whole grant (RFC 9700 §4.14.2)', async () => {
    const consent = await post('/oauth/authorize', {
      client_id: SEEDED_CLIENT.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'callPurposes.all',
      user_id: '2',
      decision: 'approve',
    });
    const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const first = await tokens({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(first.status).toBe(200);
    const rotated = await tokens({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token ?? '',
    });
    expect(rotated.status).toBe(200);
    const rotatedAccess = rotated.body.access_token ?? '';
    expect((await api('/callPurposes', { token: rotatedAccess })).status).toBe(200);

    // The first refresh token again: whoever holds it, the grant is compromised.
    const reused = await tokens({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token ?? '',
    });
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await api('/callPurposes', { token: rotatedAccess })).status).toBe(401);
    const afterReuse = await tokens({
      grant_type: 'refresh_token',
      refresh_token: rotated.body.refresh_token ?? '',
    });
    expect(afterReuse).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

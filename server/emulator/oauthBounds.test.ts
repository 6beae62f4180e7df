// Issue 17, point 3: the emulator's OAuth tables stay bounded, sign-in endpoints are
// rate-limited per client address, and the consent form refuses a POST from another site.
// Over app.inject with a test clock: expiry and housekeeping move with it, nothing sleeps.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../testing/testClock';
import { databaseFile } from './db';
import { HOUSEKEEPING_EVERY_MS } from './oauth/housekeeping';
import { OAUTH_RATE_LIMIT_PER_MINUTE } from './oauth/plugin';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { startEmulator, type Emulator } from './test/harness';

const REDIRECT = 'http://localhost:8787/auth/callback';
const FORM = 'application/x-www-form-urlencoded';
const REFRESH_TTL_SECONDS = 3600;
const TABLES = ['oauth_grants', 'oauth_codes', 'access_tokens', 'refresh_tokens'] as const;

const clock = createTestClock();
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    codeTtlSeconds: 60,
    tokenTtlSeconds: 600,
    refreshTokenTtlSeconds: REFRESH_TTL_SECONDS,
    clock,
  });
});
afterAll(() => emulator.close());

function rowCounts(): Record<(typeof TABLES)[number], number> {
  const db = new Database(databaseFile(emulator.dataDir), { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()]),
    ) as Record<(typeof TABLES)[number], number>;
  } finally {
    db.close();
  }
}

const consentFields = {
  client_id: SEEDED_CLIENT.clientId,
  redirect_uri: REDIRECT,
  response_type: 'code',
  scope: 'callPurposes.all',
  state: 'st',
  user_id: '1',
  decision: 'approve',
};

function consent(headers: Record<string, string> = {}) {
  return emulator.request({
    method: 'POST',
    url: '/oauth/authorize',
    headers: { 'content-type': FORM, host: 'emulator.test', ...headers },
    payload: new URLSearchParams(consentFields).toString(),
  });
}

function token(fields: Record<string, string>) {
  return emulator.request({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': FORM },
    payload: new URLSearchParams({
      client_id: SEEDED_CLIENT.clientId,
      client_secret: SEEDED_CLIENT.clientSecret,
      ...fields,
    }).toString(),
  });
}

/** Consent, code exchange and one refresh: a grant, a used code, a used and a live refresh. */
async function signInAndRefresh(): Promise<void> {
  const approved = await consent();
  expect(approved.statusCode).toBe(303);
  const code = new URL(String(approved.headers.location)).searchParams.get('code') ?? '';
  const exchanged = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
  expect(exchanged.statusCode).toBe(200);
  const { refresh_token } = exchanged.json<{ refresh_token: string }>();
  expect((await token({ grant_type: 'refresh_token', refresh_token })).statusCode).toBe(200);
}

describe('OAuth housekeeping', () => {
  it('deletes expired codes and tokens and the grants left without any, a minute at a time', async () => {
    const before = rowCounts();
    await signInAndRefresh();
    await signInAndRefresh();
    const signedIn = rowCounts();
    expect(signedIn.oauth_grants).toBe(before.oauth_grants + 2);
    expect(signedIn.refresh_tokens).toBe(before.refresh_tokens + 4);

    // Everything issued is now past its expiry; the next OAuth request a minute on clears it.
    clock.advance(REFRESH_TTL_SECONDS * 1000 + HOUSEKEEPING_EVERY_MS);
    expect(rowCounts()).toEqual(signedIn);
    await emulator.request({ method: 'GET', url: '/oauth/authorize' });
    expect(rowCounts()).toEqual({
      oauth_grants: 0,
      oauth_codes: 0,
      access_tokens: 0,
      refresh_tokens: 0,
    });
  });
});

describe('the consent form', () => {
  it('refuses a POST from another site, writing nothing', async () => {
    const before = rowCounts();
    const refused = await consent({ origin: 'https://attacker.example' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers.location).toBeUndefined();
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect((await consent({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect(rowCounts()).toEqual(before);
  });

  it('accepts one from its own page', async () => {
    expect((await consent({ origin: 'http://emulator.test' })).statusCode).toBe(303);
    expect((await consent({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(303);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After once an address spends its minute on /oauth/token', async () => {
    const guesses = Array.from({ length: OAUTH_RATE_LIMIT_PER_MINUTE + 1 }, () =>
      token({ grant_type: 'authorization_code', code: 'guess', redirect_uri: REDIRECT }),
    );
    const answers = await Promise.all(guesses);
    const limited = answers.filter((answer) => answer.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    const [first] = limited;
    expect(Number(first?.headers['retry-after'])).toBeGreaterThan(0);
    expect(first?.json()).toMatchObject({ error: 'too_many_requests' });
    // The consent page and the other endpoint keep their own count.
    expect(
      (await emulator.request({ method: 'GET', url: '/oauth/authorize' })).statusCode,
    ).not.toBe(429);
    expect((await consent()).statusCode).toBe(303);
  });
});

// OAuth 2.0 authorization code flow end to end: consent page, approve/deny, token exchange,
// refresh rotation, replay and client-authentication failures, PKCE, RFC 6749 errors.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../testing/testClock';
import { SEEDED_CLIENT } from '../shared/seededClient';
import type { TokenResponse } from './oauth/tokenGrants';
import type { ApiRootDocument, OAuthErrorResponse } from './test/documents';
import { startEmulator, type Emulator } from './test/harness';

const REDIRECT = 'http://localhost:8787/auth/callback';
const FORM = 'application/x-www-form-urlencoded';

const CODE_TTL_SECONDS = 60;
const REFRESH_TOKEN_TTL_SECONDS = 3600;
// Codes and refresh tokens expire when a test moves this clock, not while it sleeps.
const clock = createTestClock();
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    codeTtlSeconds: CODE_TTL_SECONDS,
    tokenTtlSeconds: 600,
    refreshTokenTtlSeconds: REFRESH_TOKEN_TTL_SECONDS,
    clock,
  });
});
afterAll(() => emulator.close());

function authorizeQuery(extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: SEEDED_CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'callPurposes.all',
    state: 'st-123',
    ...extra,
  }).toString();
}

async function consent(fields: Record<string, string>, query: Record<string, string> = {}) {
  const params = Object.fromEntries(new URLSearchParams(authorizeQuery(query)));
  const response = await emulator.request({
    method: 'POST',
    url: '/oauth/authorize',
    headers: { 'content-type': FORM },
    payload: new URLSearchParams({ ...params, ...fields }).toString(),
  });
  expect(response.statusCode).toBe(303);
  return new URL(String(response.headers.location));
}

async function approve(userId: number, query: Record<string, string> = {}): Promise<string> {
  const location = await consent({ user_id: String(userId), decision: 'approve' }, query);
  expect(location.origin + location.pathname).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('st-123');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

function token(fields: Record<string, string>, basic?: string) {
  return emulator.request({
    method: 'POST',
    url: '/oauth/token',
    headers: {
      'content-type': FORM,
      ...(basic === undefined
        ? {}
        : { authorization: `Basic ${Buffer.from(basic).toString('base64')}` }),
    },
    payload: new URLSearchParams(fields).toString(),
  });
}

const clientFields = {
  client_id: SEEDED_CLIENT.clientId,
  client_secret: SEEDED_CLIENT.clientSecret,
};
const basicCredentials = `${SEEDED_CLIENT.clientId}:${SEEDED_CLIENT.clientSecret}`;

async function whoAmI(accessToken: string) {
  return emulator.request({ method: 'GET', url: '/api/v2', token: accessToken });
}

describe('consent page', () => {
  it('lists the seeded users as labelled radios with Approve and Deny buttons', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: `/oauth/authorize?${authorizeQuery()}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const html = response.body;
    expect(html).toMatch(
      /<label><input type="radio" name="user_id" value="1"[^>]*> Alex Morgan \(admin\)<\/label>/,
    );
    expect(html).toContain('Maria Chen (manager)');
    expect(html).toContain('Sam Patel (agent)');
    expect(html).toMatch(/<button type="submit" name="decision" value="approve">Approve<\/button>/);
    expect(html).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/);
    expect(html).toContain('<legend>');
    expect(html).not.toContain(SEEDED_CLIENT.clientSecret);
  });

  it('escapes the state it echoes', async () => {
    const response = await emulator.request({
      method: 'GET',
      url: `/oauth/authorize?${authorizeQuery({ state: '"><script>x</script>' })}`,
    });
    expect(response.body).not.toContain('<script>x');
  });

  it('never redirects for an unknown client or an unregistered redirect URI', async () => {
    const queries: Record<string, string>[] = [
      { client_id: 'evil' },
      { redirect_uri: 'https://evil.example/auth/callback' },
      { redirect_uri: 'http://localhost:8787/other' },
      { redirect_uri: 'http://localhost.evil.example/auth/callback' },
    ];
    for (const query of queries) {
      const response = await emulator.request({
        method: 'GET',
        url: `/oauth/authorize?${authorizeQuery(query)}`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('accepts any loopback host and port on /auth/callback', async () => {
    for (const redirect_uri of [
      'http://127.0.0.1:3000/auth/callback',
      'http://[::1]:9/auth/callback',
      'https://localhost/auth/callback',
    ]) {
      const response = await emulator.request({
        method: 'GET',
        url: `/oauth/authorize?${authorizeQuery({ redirect_uri })}`,
      });
      expect(response.statusCode, redirect_uri).toBe(200);
    }
  });

  it('redirects protocol errors back to the client with state', async () => {
    for (const [query, error] of [
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'everything' }, 'invalid_scope'],
      [{ code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }, 'invalid_request'],
    ] as const) {
      const response = await emulator.request({
        method: 'GET',
        url: `/oauth/authorize?${authorizeQuery(query)}`,
      });
      expect(response.statusCode).toBe(303);
      const location = new URL(String(response.headers.location));
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe('st-123');
    }
  });

  it('shows a checked box per requested scope; unchecking one narrows the grant', async () => {
    const scope = 'callPurposes.all calls.read';
    const page = await emulator.request({
      method: 'GET',
      url: `/oauth/authorize?${authorizeQuery({ scope })}`,
    });
    expect(page.body).toContain(
      '<label><input type="checkbox" name="grant" value="calls.read" checked> <code>calls.read</code></label>',
    );
    expect(page.body).toContain('<input type="hidden" name="scope_choice" value="shown">');
    const exchange = async (grants: string[]) => {
      const params = new URLSearchParams(authorizeQuery({ scope }));
      params.set('scope_choice', 'shown');
      params.set('user_id', '2');
      params.set('decision', 'approve');
      for (const grant of grants) params.append('grant', grant);
      return emulator.request({
        method: 'POST',
        url: '/oauth/authorize',
        headers: { 'content-type': FORM },
        payload: params.toString(),
      });
    };
    const narrowed = await exchange(['callPurposes.all']);
    expect(narrowed.statusCode).toBe(303);
    const code = new URL(String(narrowed.headers.location)).searchParams.get('code') ?? '';
    const issued = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      ...clientFields,
    });
    const granted = issued.json<TokenResponse>();
    expect(granted.scope).toBe('callPurposes.all');
    const calls = await emulator.request({
      method: 'GET',
      url: '/api/v2/calls',
      token: granted.access_token,
    });
    expect(calls.statusCode).toBe(403);
    expect(calls.json<{ errors: { id: string }[] }>().errors[0]?.id).toBe('unauthorizedOauthScope');

    // A box for a scope that was not requested grants nothing; no box at all is refused.
    expect((await exchange(['users.all'])).statusCode).toBe(400);
    expect((await exchange([])).statusCode).toBe(400);
  });

  it('Deny redirects with error=access_denied and the state', async () => {
    const location = await consent({ user_id: '1', decision: 'deny' });
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      state: 'st-123',
    });
  });
});

describe('token endpoint', () => {
  it('authorize → approve → token → refresh rotation; old refresh token and used code fail', async () => {
    const code = await approve(2);
    const first = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      ...clientFields,
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const issued = first.json<TokenResponse>();
    expect(issued).toEqual({
      // `as unknown`: Vitest types its asymmetric matchers `any`.
      access_token: expect.any(String) as unknown,
      token_type: 'bearer',
      expires_in: 600,
      refresh_token: expect.any(String) as unknown,
      scope: 'callPurposes.all',
      created_at: expect.any(Number) as unknown,
    });
    expect(issued.created_at).toBe(Math.floor(clock.now() / 1000));
    expect((await whoAmI(issued.access_token)).json<ApiRootDocument>().meta.user.email).toBe(
      'maria.chen@example.com',
    );

    const refreshed = await token(
      { grant_type: 'refresh_token', refresh_token: issued.refresh_token },
      basicCredentials,
    );
    expect(refreshed.statusCode).toBe(200);
    const rotated = refreshed.json<TokenResponse>();
    expect(rotated.refresh_token).not.toBe(issued.refresh_token);
    expect(rotated.access_token).not.toBe(issued.access_token);
    expect((await whoAmI(rotated.access_token)).statusCode).toBe(200);

    const reused = await token({
      grant_type: 'refresh_token',
      refresh_token: issued.refresh_token,
      ...clientFields,
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json<OAuthErrorResponse>().error).toBe('invalid_grant');
    // RFC 9700 §4.14.2: the reuse revokes the whole grant, the rotated tokens included.
    const again = await token({
      grant_type: 'refresh_token',
      refresh_token: rotated.refresh_token,
      ...clientFields,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json<OAuthErrorResponse>().error).toBe('invalid_grant');
    expect((await whoAmI(rotated.access_token)).statusCode).toBe(401);

    // Replaying a code fails and revokes what that code issued (RFC 6749 §4.1.2).
    const secondCode = await approve(2);
    const exchange = { grant_type: 'authorization_code', redirect_uri: REDIRECT, ...clientFields };
    const second = await token({ ...exchange, code: secondCode });
    expect(second.statusCode).toBe(200);
    const replay = await token({ ...exchange, code: secondCode });
    expect(replay.statusCode).toBe(400);
    expect(replay.json<OAuthErrorResponse>().error).toBe('invalid_grant');
    expect((await whoAmI(second.json<TokenResponse>().access_token)).statusCode).toBe(401);
  });

  it('refresh may narrow the scope but not widen it', async () => {
    const code = await approve(1, { scope: 'callPurposes.read callPurposes.write' });
    const issued = (
      await token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        ...clientFields,
      })
    ).json<TokenResponse>();
    expect(issued.scope).toBe('callPurposes.read callPurposes.write');
    const widened = await token({
      grant_type: 'refresh_token',
      refresh_token: issued.refresh_token,
      scope: 'callPurposes.all',
      ...clientFields,
    });
    expect(widened.json<OAuthErrorResponse>().error).toBe('invalid_scope');
    const narrowed = await token({
      grant_type: 'refresh_token',
      refresh_token: issued.refresh_token,
      scope: 'callPurposes.read',
      ...clientFields,
    });
    expect(narrowed.json<TokenResponse>().scope).toBe('callPurposes.read');
  });

  it('invalid_client (401) for a wrong secret, an unknown client or no credentials', async () => {
    const code = await approve(1);
    const attempts: Record<string, string>[] = [
      { client_id: SEEDED_CLIENT.clientId, client_secret: 'wrong' },
      { client_id: 'someone', client_secret: SEEDED_CLIENT.clientSecret },
      {},
    ];
    for (const fields of attempts) {
      const response = await token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        ...fields,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json<OAuthErrorResponse>().error).toBe('invalid_client');
      expect(response.headers['www-authenticate']).toBe('Basic realm="outreach"');
    }
    const basic = await token(
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
      `${SEEDED_CLIENT.clientId}:nope`,
    );
    expect(basic.json<OAuthErrorResponse>().error).toBe('invalid_client');
    // The code survived the failed attempts: client authentication comes first.
    const ok = await token(
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
      basicCredentials,
    );
    expect(ok.statusCode).toBe(200);
  });

  it('invalid_grant when redirect_uri differs from the one used at authorize', async () => {
    const code = await approve(1);
    const response = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://127.0.0.1:8787/auth/callback',
      ...clientFields,
    });
    expect(response.json<OAuthErrorResponse>().error).toBe('invalid_grant');
  });

  it('invalid_grant once the code has expired', async () => {
    const exchange = (code: string) =>
      token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...clientFields });
    const [lastMoment, tooLate] = [await approve(1), await approve(1)];
    clock.advance(CODE_TTL_SECONDS * 1000 - 1);
    expect((await exchange(lastMoment)).statusCode).toBe(200);
    clock.advance(1);
    const response = await exchange(tooLate);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'The authorization code has expired.',
    });
  });

  it('invalid_grant once the refresh token has expired', async () => {
    const refreshTokenFor = async (userId: number): Promise<string> => {
      const code = await approve(userId);
      const issued = await token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        ...clientFields,
      });
      return issued.json<{ refresh_token: string }>().refresh_token;
    };
    const refresh = (refreshToken: string) =>
      token({ grant_type: 'refresh_token', refresh_token: refreshToken, ...clientFields });
    const [lastMoment, tooLate] = [await refreshTokenFor(1), await refreshTokenFor(2)];
    clock.advance(REFRESH_TOKEN_TTL_SECONDS * 1000 - 1);
    expect((await refresh(lastMoment)).statusCode).toBe(200);
    clock.advance(1);
    const response = await refresh(tooLate);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'The refresh token has expired.',
    });
  });

  it('PKCE S256: the verifier must match the challenge', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    const page = await emulator.request({
      method: 'GET',
      url: `/oauth/authorize?${authorizeQuery(pkce)}`,
    });
    expect(page.body).toContain(`name="code_challenge" value="${challenge}"`);

    const code = await approve(3, pkce);
    const base = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      ...clientFields,
    };
    expect((await token(base)).json<OAuthErrorResponse>().error).toBe('invalid_grant');
    expect(
      (
        await token({ ...base, code_verifier: randomBytes(32).toString('base64url') })
      ).json<OAuthErrorResponse>().error,
    ).toBe('invalid_grant');
    const ok = await token({ ...base, code_verifier: verifier });
    expect(ok.statusCode).toBe(200);
    expect(
      (await whoAmI(ok.json<TokenResponse>().access_token)).json<ApiRootDocument>().meta.user.id,
    ).toBe(3);
  });

  it('RFC 6749 errors for malformed requests', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...clientFields }, 'invalid_request'],
      [{ grant_type: 'password', ...clientFields }, 'unsupported_grant_type'],
      [{ grant_type: 'authorization_code', ...clientFields }, 'invalid_request'],
      [{ grant_type: 'refresh_token', ...clientFields }, 'invalid_request'],
      [{ grant_type: 'refresh_token', refresh_token: 'nope', ...clientFields }, 'invalid_grant'],
    ];
    for (const [fields, error] of cases) {
      const response = await token(fields);
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(response.json<OAuthErrorResponse>()).toEqual({
        error,
        error_description: expect.any(String) as unknown,
      });
    }
    const both = await token(
      { grant_type: 'refresh_token', refresh_token: 'x', client_secret: 'y' },
      basicCredentials,
    );
    expect(both.json<OAuthErrorResponse>().error).toBe('invalid_request');
    const repeated = await emulator.request({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': FORM },
      payload: 'grant_type=refresh_token&grant_type=authorization_code',
    });
    expect(repeated.json<OAuthErrorResponse>().error).toBe('invalid_request');
    const json = await emulator.request({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ grant_type: 'refresh_token', ...clientFields }),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json<OAuthErrorResponse>().error).toBe('invalid_request');
  });
});

describe('redirectUris (EMULATOR_REDIRECT_URIS)', () => {
  it('adds exact redirect URIs beyond the loopback rule', async () => {
    const configured = await startEmulator({
      redirectUris: ['https://admin.example.com/auth/callback', 'https://other.example/cb'],
    });
    try {
      const ok = await configured.request({
        method: 'GET',
        url: `/oauth/authorize?${authorizeQuery({ redirect_uri: 'https://other.example/cb' })}`,
      });
      expect(ok.statusCode).toBe(200);
      const no = await configured.request({
        method: 'GET',
        url: `/oauth/authorize?${authorizeQuery({ redirect_uri: 'https://other.example/cb2' })}`,
      });
      expect(no.statusCode).toBe(400);
    } finally {
      await configured.close();
    }
  });
});

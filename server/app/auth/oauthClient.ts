// Server-to-server calls to the upstream's OAuth endpoints and API root. Works the same against
// real Outreach and the emulator: standard authorization-code and refresh-token grants, form
// encoded, with the client secret added here and never sent to the browser.
import type { UpstreamConfig } from '../config';
import type { SessionUser } from '../sessions/store';

export interface TokenGrant {
  accessToken: string;
  refreshToken: string | null;
  expiresInSeconds: number;
  /** Granted scopes when the token endpoint says; null when it does not. */
  scopes: string[] | null;
}

export interface UpstreamIdentity {
  user: SessionUser | null;
  scopes: string[] | null;
}

/** The upstream could not be reached or answered with a server error. */
export class UpstreamUnavailableError extends Error {
  override name = 'UpstreamUnavailableError';
  /** It did not answer within the app server's time limit (a 504, not a 502). */
  readonly timedOut: boolean;
  constructor(message: string, options: { timedOut?: boolean } = {}) {
    super(message);
    this.timedOut = options.timedOut ?? false;
  }
}

/** An aborted fetch by AbortSignal.timeout, whether it aborted the headers or the body. */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** The token endpoint refused a grant (e.g. invalid_grant: a revoked or expired refresh token). */
export class TokenGrantError extends Error {
  override name = 'TokenGrantError';
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly retryAfter: string | null,
  ) {
    super(`token endpoint answered ${status} ${errorCode}`);
  }

  /** A 429 is "not now"; any other refusal means this grant will never work. */
  get isFinal(): boolean {
    return this.status !== 429;
  }
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;

const DEFAULT_EXPIRES_IN = 7200;

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = (cause as { code?: string } | undefined)?.code;
    return code ?? error.name;
  }
  return 'unknown error';
}

export function createOAuthClient(
  upstream: UpstreamConfig,
  redirectUri: string,
  timeoutMs: number,
) {
  async function call(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new UpstreamUnavailableError(
        `${new URL(url).origin} unreachable (${describe(error)})`,
        {
          timedOut: isTimeout(error),
        },
      );
    }
  }

  async function grant(params: Record<string, string>): Promise<TokenGrant> {
    const response = await call(upstream.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        ...params,
        client_id: upstream.clientId,
        client_secret: upstream.clientSecret,
        redirect_uri: redirectUri,
      }),
    });
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (response.status >= 500) {
      throw new UpstreamUnavailableError(`token endpoint answered ${response.status}`);
    }
    if (!response.ok || body === null || typeof body.access_token !== 'string') {
      const code = typeof body?.error === 'string' ? body.error : 'invalid_response';
      throw new TokenGrantError(response.status, code, response.headers.get('retry-after'));
    }
    const expiresIn = Number(body.expires_in);
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
      expiresInSeconds:
        Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN,
      scopes:
        typeof body.scope === 'string' ? body.scope.split(/[\s,]+/).filter((s) => s !== '') : null,
    };
  }

  return {
    exchangeCode(code: string, codeVerifier: string): Promise<TokenGrant> {
      return grant({ grant_type: 'authorization_code', code, code_verifier: codeVerifier });
    },

    refresh(refreshToken: string): Promise<TokenGrant> {
      return grant({ grant_type: 'refresh_token', refresh_token: refreshToken });
    },

    /** Who the token belongs to, from the API root's meta; null parts when it does not say. */
    async identify(accessToken: string): Promise<UpstreamIdentity> {
      const response = await call(upstream.apiUrl, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/vnd.api+json' },
      });
      if (!response.ok) return { user: null, scopes: null };
      const body = (await response.json().catch(() => null)) as {
        meta?: { user?: Record<string, unknown>; scopes?: unknown };
      } | null;
      return { user: toUser(body?.meta?.user), scopes: toScopes(body?.meta?.scopes) };
    },
  };
}

function toUser(raw: Record<string, unknown> | undefined): SessionUser | null {
  if (raw === undefined || raw === null || typeof raw !== 'object') return null;
  const id = typeof raw.id === 'number' || typeof raw.id === 'string' ? raw.id : null;
  const email = typeof raw.email === 'string' ? raw.email : null;
  const name = [raw.firstName, raw.lastName]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
  return { id, email, name: name !== '' ? name : (email ?? 'Outreach user') };
}

function toScopes(raw: unknown): string[] | null {
  return Array.isArray(raw) && raw.every((s) => typeof s === 'string') ? raw : null;
}

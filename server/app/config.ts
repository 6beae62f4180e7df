// The app server's settings, read once at start. `parseAppConfig` is pure: it turns an
// environment into either a config or the complete list of what is wrong, so a person fixing a
// deployment sees every problem at once instead of one per restart.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const SEEDED_EMULATOR_CLIENT = {
  id: 'call-purpose-admin',
  secret: 'emulator-secret-not-for-production',
} as const;

// calls.read only to count how many logged calls use a purpose before it is deleted.
export const REQUESTED_SCOPE = 'callPurposes.all calls.read';
export const DEV_PUBLIC_URL = 'http://localhost:5173';
const MIN_SECRET_LENGTH = 32;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface UpstreamConfig {
  /** True when the emulator is mounted at /emulator in this process. */
  embedded: boolean;
  /** Base of the REST API, e.g. https://api.outreach.io/api/v2 (server-side calls). */
  apiUrl: string;
  /** Where the browser is sent to consent (browser-facing). */
  authorizeUrl: string;
  /** Where codes and refresh tokens are exchanged (server-side calls). */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export interface AppConfig {
  port: number;
  host: string;
  /** Origin the browser uses, without a trailing slash; the redirect URI hangs off it. */
  publicUrl: string;
  dataDir: string;
  /** The built SPA; null when something else serves it (`--dev`: the Vite dev server). */
  distDir: string | null;
  dev: boolean;
  /** Undefined only until `resolveSessionSecret` has generated one for the embedded emulator. */
  sessionSecret: string;
  sessionTtlSeconds: number;
  /** Refresh an access token this long before it expires (capped at a quarter of its life). */
  refreshLeewaySeconds: number;
  loginTtlSeconds: number;
  upstreamTimeoutMs: number;
  logLevel: LogLevel;
  /** Log every request (Fastify's request logging); off under NODE_ENV=test. */
  logRequests: boolean;
  upstream: UpstreamConfig;
}

/** The config before the session secret is known: it may still have to be generated. */
export type ParsedAppConfig = Omit<AppConfig, 'sessionSecret'> & { sessionSecret?: string };

export type ParseResult = { ok: true; config: ParsedAppConfig } | { ok: false; errors: string[] };

export interface ParseOptions {
  dev?: boolean;
  /** Where `dist/` is looked for; defaults to the project root's dist. */
  distDir?: string;
}

type Env = Record<string, string | undefined>;

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export function defaultDistDir(): string {
  return resolve(projectRoot, 'dist');
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function stripTrailingSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

function parseInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  errors: string[],
): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    errors.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
    return fallback;
  }
  return value;
}

/** The host the server can reach itself on, for calls to the embedded emulator. */
export function loopbackHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '' || host === 'localhost') {
    return 'localhost';
  }
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function parseAppConfig(env: Env, options: ParseOptions = {}): ParseResult {
  const errors: string[] = [];
  const dev = options.dev ?? false;
  const isTest = env.NODE_ENV === 'test';

  const port = parseInteger(env, 'PORT', 8787, 1, 65535, errors);
  const host = read(env, 'HOST') ?? 'localhost';
  const dataDir = resolve(read(env, 'DATA_DIR') ?? './data');
  const sessionTtlSeconds = parseInteger(env, 'SESSION_TTL_SECONDS', 43200, 60, 31536000, errors);

  const rawLogLevel = read(env, 'LOG_LEVEL');
  let logLevel: LogLevel = isTest ? 'warn' : 'info';
  if (rawLogLevel !== undefined) {
    if ((LOG_LEVELS as readonly string[]).includes(rawLogLevel)) {
      logLevel = rawLogLevel as LogLevel;
    } else {
      errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLogLevel}").`);
    }
  }

  const rawPublicUrl = read(env, 'PUBLIC_URL');
  let publicUrl = dev ? DEV_PUBLIC_URL : `http://localhost:${port}`;
  if (rawPublicUrl !== undefined) {
    const url = parseHttpUrl(rawPublicUrl);
    if (url === undefined) {
      errors.push(
        `PUBLIC_URL must be an http(s) URL such as https://admin.example.com (got "${rawPublicUrl}").`,
      );
    } else if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
      errors.push(
        `PUBLIC_URL must be an origin without a path, query or fragment (got "${rawPublicUrl}"); the app is served from the root.`,
      );
    } else {
      publicUrl = url.origin;
    }
  }

  const sessionSecret = read(env, 'SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < MIN_SECRET_LENGTH) {
    errors.push(
      `SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters long (it is ${sessionSecret.length}); generate one with: openssl rand -base64 48`,
    );
  }

  const apiUrlRaw = read(env, 'OUTREACH_API_URL');
  const oauthUrlRaw = read(env, 'OUTREACH_OAUTH_URL');
  const clientId = read(env, 'OUTREACH_CLIENT_ID');
  const clientSecret = read(env, 'OUTREACH_CLIENT_SECRET');

  let upstream: UpstreamConfig;
  if (apiUrlRaw === undefined) {
    // Embedded emulator: the browser consents at PUBLIC_URL/emulator, while the server's own
    // calls go straight to the port it listens on, so they work behind any PUBLIC_URL (and in
    // --dev, where PUBLIC_URL is the Vite dev server).
    const strays = (
      ['OUTREACH_OAUTH_URL', 'OUTREACH_CLIENT_ID', 'OUTREACH_CLIENT_SECRET'] as const
    ).filter((name) => read(env, name) !== undefined);
    if (strays.length > 0) {
      errors.push(
        `${strays.join(', ')} ${strays.length === 1 ? 'is' : 'are'} set but OUTREACH_API_URL is not: set OUTREACH_API_URL too to use real Outreach, or unset ${strays.length === 1 ? 'it' : 'them'} to use the embedded emulator.`,
      );
    }
    const internal = `http://${loopbackHost(host)}:${port}/emulator`;
    upstream = {
      embedded: true,
      apiUrl: `${internal}/api/v2`,
      authorizeUrl: `${publicUrl}/emulator/oauth/authorize`,
      tokenUrl: `${internal}/oauth/token`,
      clientId: SEEDED_EMULATOR_CLIENT.id,
      clientSecret: SEEDED_EMULATOR_CLIENT.secret,
      scope: REQUESTED_SCOPE,
    };
  } else {
    const missing = 'is required when OUTREACH_API_URL is set (real Outreach)';
    const apiUrl = parseHttpUrl(apiUrlRaw);
    if (apiUrl === undefined) {
      errors.push(
        `OUTREACH_API_URL must be an http(s) URL such as https://api.outreach.io/api/v2 (got "${apiUrlRaw}").`,
      );
    }
    let oauthUrl: URL | undefined;
    if (oauthUrlRaw === undefined) {
      errors.push(`OUTREACH_OAUTH_URL ${missing}, e.g. https://api.outreach.io/oauth.`);
    } else {
      oauthUrl = parseHttpUrl(oauthUrlRaw);
      if (oauthUrl === undefined) {
        errors.push(
          `OUTREACH_OAUTH_URL must be an http(s) URL such as https://api.outreach.io/oauth (got "${oauthUrlRaw}").`,
        );
      }
    }
    if (clientId === undefined) errors.push(`OUTREACH_CLIENT_ID ${missing}.`);
    if (clientSecret === undefined) errors.push(`OUTREACH_CLIENT_SECRET ${missing}.`);
    if (rawPublicUrl === undefined) {
      errors.push(
        `PUBLIC_URL ${missing}: it is the address people open, and PUBLIC_URL/auth/callback must be the redirect URI registered with the Outreach app.`,
      );
    }
    if (sessionSecret === undefined) {
      errors.push(`SESSION_SECRET ${missing}: at least ${MIN_SECRET_LENGTH} random characters.`);
    }
    const oauthBase = stripTrailingSlash(oauthUrl?.href ?? '');
    upstream = {
      embedded: false,
      apiUrl: stripTrailingSlash(apiUrl?.href ?? ''),
      authorizeUrl: `${oauthBase}/authorize`,
      tokenUrl: `${oauthBase}/token`,
      clientId: clientId ?? '',
      clientSecret: clientSecret ?? '',
      scope: REQUESTED_SCOPE,
    };
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      port,
      host,
      publicUrl,
      dataDir,
      distDir: dev ? null : (options.distDir ?? defaultDistDir()),
      dev,
      sessionSecret,
      sessionTtlSeconds,
      refreshLeewaySeconds: 60,
      loginTtlSeconds: 600,
      upstreamTimeoutMs: 30_000,
      logLevel,
      logRequests: !isTest,
      upstream,
    },
  };
}

/** One message naming everything that is wrong, for the console. */
export function formatConfigErrors(errors: readonly string[]): string {
  return [
    `The app server cannot start: ${errors.length === 1 ? 'one setting needs' : `${errors.length} settings need`} fixing.`,
    ...errors.map((error) => `  - ${error}`),
    'Leave every OUTREACH_* setting unset to use the embedded emulator (see README).',
  ].join('\n');
}

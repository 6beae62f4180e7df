// The app server's settings, read once at start. `parseAppConfig` is pure: it turns an
// environment into either a config or the complete list of what is wrong, so a person fixing a
// deployment sees every problem at once instead of one per restart. Each setting's own rule is
// in `appEnvSchema`; the few rules that join settings are the named steps below it.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import {
  httpUrl,
  isSet,
  oneOf,
  readEnv,
  text,
  wholeNumber,
  type Env,
  type EnvSchema,
} from '../shared/envSchema';
import { withoutTrailingSlashes } from '../../shared/trailingSlashes';

export const SEEDED_EMULATOR_CLIENT = {
  id: 'call-purpose-admin',
  secret: 'emulator-secret-not-for-production',
} as const;

// calls.read only to count how many logged calls use a purpose before it is deleted.
export const REQUESTED_SCOPE = 'callPurposes.all calls.read';
/** Where the app server mounts the embedded emulator. */
export const EMULATOR_MOUNT = '/emulator';
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
  /** Always set here; `ParsedAppConfig` is the shape in which it may still be missing. */
  sessionSecret: string;
  /** Still accepted for reading sealed tokens and sign-ins, so SESSION_SECRET can be rotated. */
  sessionSecretPrevious?: string;
  /** Sessions in Redis (several app servers); undefined: SQLite in DATA_DIR. */
  redisUrl?: string;
  /** How long one instance may hold a session's refresh lock before another takes over. */
  refreshLockTtlMs: number;
  sessionTtlSeconds: number;
  /** Refresh an access token this long before it expires (capped at a quarter of its life). */
  refreshLeewaySeconds: number;
  loginTtlSeconds: number;
  upstreamTimeoutMs: number;
  /** How long `/readyz` waits for a real upstream to answer at all. */
  readinessTimeoutMs: number;
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

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export function defaultDistDir(): string {
  return resolve(projectRoot, 'dist');
}

const appEnvSchema: EnvSchema = {
  type: 'object',
  properties: {
    PORT: wholeNumber(1, 65535, 8787),
    HOST: text(),
    DATA_DIR: text(),
    SESSION_TTL_SECONDS: wholeNumber(60, 31536000, 43200),
    LOG_LEVEL: oneOf(LOG_LEVELS),
    PUBLIC_URL: httpUrl('https://admin.example.com', {
      origin: true,
      hint: 'the app is served from the root.',
    }),
    SESSION_SECRET: text({
      minLength: MIN_SECRET_LENGTH,
      hint: 'generate one with: openssl rand -base64 48',
    }),
    SESSION_SECRET_PREVIOUS: text({
      minLength: MIN_SECRET_LENGTH,
      hint: 'it is the SESSION_SECRET before the current one.',
    }),
    REDIS_URL: text(),
    REFRESH_LOCK_SECONDS: wholeNumber(1, 120, 10),
    OUTREACH_API_URL: httpUrl('https://api.outreach.io/api/v2'),
    OUTREACH_OAUTH_URL: httpUrl('https://api.outreach.io/oauth'),
    OUTREACH_CLIENT_ID: text(),
    OUTREACH_CLIENT_SECRET: text(),
    NODE_ENV: text(),
  },
};

/** The environment after `appEnvSchema`: defaults filled in, whole numbers as numbers. */
type AppEnv = {
  PORT: number;
  HOST?: string;
  DATA_DIR?: string;
  SESSION_TTL_SECONDS: number;
  LOG_LEVEL?: LogLevel;
  PUBLIC_URL?: string;
  SESSION_SECRET?: string;
  SESSION_SECRET_PREVIOUS?: string;
  REDIS_URL?: string;
  REFRESH_LOCK_SECONDS: number;
  OUTREACH_API_URL?: string;
  OUTREACH_OAUTH_URL?: string;
  OUTREACH_CLIENT_ID?: string;
  OUTREACH_CLIENT_SECRET?: string;
  NODE_ENV?: string;
};

const REAL_UPSTREAM_ONLY = ['OUTREACH_OAUTH_URL', 'OUTREACH_CLIENT_ID', 'OUTREACH_CLIENT_SECRET'];
const MISSING_FOR_REAL = 'is required when OUTREACH_API_URL is set (real Outreach)';

/**
 * Settings that only make sense together: OUTREACH_API_URL means real Outreach, which needs the
 * OAuth app, a public address and a stable secret; the OAuth settings alone mean a half-done
 * switch to real Outreach, refused rather than silently served by the emulator.
 */
function upstreamSettingProblems(env: Env): string[] {
  if (!isSet(env, 'OUTREACH_API_URL')) {
    const strays = REAL_UPSTREAM_ONLY.filter((name) => isSet(env, name));
    if (strays.length === 0) return [];
    const one = strays.length === 1;
    return [
      `${strays.join(', ')} ${one ? 'is' : 'are'} set but OUTREACH_API_URL is not: set OUTREACH_API_URL too to use real Outreach, or unset ${one ? 'it' : 'them'} to use the embedded emulator.`,
    ];
  }
  const required: [string, string][] = [
    ['OUTREACH_OAUTH_URL', `${MISSING_FOR_REAL}, e.g. https://api.outreach.io/oauth.`],
    ['OUTREACH_CLIENT_ID', `${MISSING_FOR_REAL}.`],
    ['OUTREACH_CLIENT_SECRET', `${MISSING_FOR_REAL}.`],
    [
      'PUBLIC_URL',
      `${MISSING_FOR_REAL}: it is the address people open, and PUBLIC_URL/auth/callback must be the redirect URI registered with the Outreach app.`,
    ],
    ['SESSION_SECRET', `${MISSING_FOR_REAL}: at least ${MIN_SECRET_LENGTH} random characters.`],
  ];
  return required.filter(([name]) => !isSet(env, name)).map(([name, why]) => `${name} ${why}`);
}

/**
 * REDIS_URL must be a Redis URL (never echoed back: it may hold a password), and instances
 * sharing a Redis must share the secret that signs cookies and encrypts the tokens in it.
 */
function redisSettingProblems(env: Env): string[] {
  if (!isSet(env, 'REDIS_URL')) return [];
  const url = env.REDIS_URL?.trim() ?? '';
  const problems: string[] = [];
  if (!/^rediss?:\/\/\S+$/.test(url) || !URL.canParse(url)) {
    problems.push(
      'REDIS_URL must be a redis:// or rediss:// URL such as redis://localhost:6379/0.',
    );
  }
  if (!isSet(env, 'SESSION_SECRET')) {
    problems.push(
      `SESSION_SECRET is required with REDIS_URL: every app server sharing the Redis must use the same one (at least ${MIN_SECRET_LENGTH} random characters).`,
    );
  }
  return problems;
}

/** The host the server can reach itself on, for calls to the embedded emulator. */
export function loopbackHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '' || host === 'localhost') {
    return 'localhost';
  }
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function stripTrailingSlash(value: string): string {
  return withoutTrailingSlashes(value);
}

/**
 * The embedded emulator: the browser consents at PUBLIC_URL/emulator, while the server's own
 * calls go straight to the port it listens on, so they work behind any PUBLIC_URL (and in
 * --dev, where PUBLIC_URL is the Vite dev server).
 */
function embeddedUpstream(port: number, host: string, publicUrl: string): UpstreamConfig {
  const internal = `http://${loopbackHost(host)}:${port}${EMULATOR_MOUNT}`;
  return {
    embedded: true,
    apiUrl: `${internal}/api/v2`,
    authorizeUrl: `${publicUrl}${EMULATOR_MOUNT}/oauth/authorize`,
    tokenUrl: `${internal}/oauth/token`,
    clientId: SEEDED_EMULATOR_CLIENT.id,
    clientSecret: SEEDED_EMULATOR_CLIENT.secret,
    scope: REQUESTED_SCOPE,
  };
}

/** Real Outreach; only called once `upstreamSettingProblems` found every setting present. */
function realUpstream(values: AppEnv): UpstreamConfig {
  const oauthBase = stripTrailingSlash(new URL(values.OUTREACH_OAUTH_URL ?? '').href);
  return {
    embedded: false,
    apiUrl: stripTrailingSlash(new URL(values.OUTREACH_API_URL ?? '').href),
    authorizeUrl: `${oauthBase}/authorize`,
    tokenUrl: `${oauthBase}/token`,
    clientId: values.OUTREACH_CLIENT_ID ?? '',
    clientSecret: values.OUTREACH_CLIENT_SECRET ?? '',
    scope: REQUESTED_SCOPE,
  };
}

/** PUBLIC_URL as an origin; by default where `npm start` listens, or Vite's server in --dev. */
function publicUrlOf(values: AppEnv, dev: boolean): string {
  if (values.PUBLIC_URL !== undefined) return new URL(values.PUBLIC_URL).origin;
  return dev ? DEV_PUBLIC_URL : `http://localhost:${values.PORT}`;
}

function deriveAppConfig(values: AppEnv, options: ParseOptions): ParsedAppConfig {
  const dev = options.dev ?? false;
  const isTest = values.NODE_ENV === 'test';
  const host = values.HOST ?? 'localhost';
  const publicUrl = publicUrlOf(values, dev);
  return {
    port: values.PORT,
    host,
    publicUrl,
    dataDir: resolve(values.DATA_DIR ?? './data'),
    distDir: dev ? null : (options.distDir ?? defaultDistDir()),
    dev,
    sessionSecret: values.SESSION_SECRET,
    sessionSecretPrevious: values.SESSION_SECRET_PREVIOUS,
    redisUrl: values.REDIS_URL,
    refreshLockTtlMs: values.REFRESH_LOCK_SECONDS * 1000,
    sessionTtlSeconds: values.SESSION_TTL_SECONDS,
    refreshLeewaySeconds: 60,
    loginTtlSeconds: 600,
    // Within 10 s a person still waits for an answer; after it, a 504 says Outreach is silent.
    upstreamTimeoutMs: 10_000,
    readinessTimeoutMs: 2_000,
    logLevel: values.LOG_LEVEL ?? (isTest ? 'warn' : 'info'),
    logRequests: !isTest,
    upstream:
      values.OUTREACH_API_URL === undefined
        ? embeddedUpstream(values.PORT, host, publicUrl)
        : realUpstream(values),
  };
}

export function parseAppConfig(env: Env, options: ParseOptions = {}): ParseResult {
  const read = readEnv<AppEnv>(appEnvSchema, env);
  const errors = [
    ...(read.ok ? [] : read.errors),
    ...upstreamSettingProblems(env),
    ...redisSettingProblems(env),
  ];
  if (!read.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, config: deriveAppConfig(read.values, options) };
}

/** One message naming everything that is wrong, for the console. */
export function formatConfigErrors(errors: readonly string[]): string {
  return [
    `The app server cannot start: ${errors.length === 1 ? 'one setting needs' : `${errors.length} settings need`} fixing.`,
    ...errors.map((error) => `  - ${error}`),
    'Leave every OUTREACH_* setting unset to use the embedded emulator (see README).',
  ].join('\n');
}

// The app server's settings, read once at start. `parseAppConfig` is pure: it turns an
// environment into either a config or the complete list of what is wrong. Each setting's own rule
// is in `appSettingsSchema`; the few rules that join settings are the steps below it.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import Type, { type Static } from 'typebox';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { isLoopbackHostname } from '../shared/loopback';
import {
  flag,
  formatSettingErrors,
  httpOrigin,
  httpUrl,
  isSet,
  LOG_LEVELS,
  oneOf,
  postgresUrl,
  redisUrl,
  readSettings,
  text,
  textOr,
  wholeNumber,
  type Env,
} from '../shared/settings';
import { PUBLIC_DEMO_NOTICE } from '../../shared/publicDemo';
import { withoutTrailingSlashes } from '../../shared/trailingSlashes';

// calls.read only to count how many logged calls use a purpose before it is deleted.
export const REQUESTED_SCOPE = 'callPurposes.all calls.read';
/** Where the app server mounts the embedded emulator. */
export const EMULATOR_MOUNT = '/emulator';
export const DEV_PUBLIC_URL = 'http://localhost:5173';
export const MIN_SECRET_LENGTH = 32;

export const appSettingsSchema = Type.Object({
  PORT: wholeNumber(1, 65535, 8787, 'where `npm start` listens'),
  HOST: textOr('localhost', 'interface to bind'),
  DATA_DIR: textOr('./data', 'where the SQLite files are kept'),
  SESSION_TTL_SECONDS: wholeNumber(60, 31536000, 43200, "a session's longest life"),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info', 'the JSON request log (warn under NODE_ENV=test)'),
  PUBLIC_URL: httpOrigin("the app's public origin", 'the app is served from the root.'),
  SESSION_SECRET: text('signs session cookies and seals tokens', {
    minLength: MIN_SECRET_LENGTH,
    secret: true,
    hint: 'generate one with: openssl rand -base64 48',
  }),
  SESSION_SECRET_PREVIOUS: text('the secret before a rotation', {
    minLength: MIN_SECRET_LENGTH,
    secret: true,
    hint: 'it is the SESSION_SECRET before the current one.',
  }),
  REDIS_URL: redisUrl('keep sessions in Redis instead of app.sqlite'),
  DATABASE_URL: postgresUrl('keep the history in PostgreSQL instead of app.sqlite'),
  HISTORY_RETENTION_DAYS: wholeNumber(1, 36500, 400, 'how long the history keeps a change'),
  REFRESH_LOCK_SECONDS: wholeNumber(1, 120, 10, 'how long one server may hold a refresh lock'),
  OUTREACH_API_URL: httpUrl('https://api.outreach.io/api/v2', 'real Outreach API'),
  OUTREACH_OAUTH_URL: httpUrl('https://api.outreach.io/oauth', "real Outreach's OAuth"),
  OUTREACH_CLIENT_ID: text('the OAuth app id'),
  OUTREACH_CLIENT_SECRET: text('the OAuth app secret'),
  EMULATOR_PUBLIC_DEMO: flag(
    'serve the embedded emulator on a public PUBLIC_URL, every page saying anyone can sign in as anyone',
  ),
});

/** What real Outreach needs besides OUTREACH_API_URL, and why; the first three are its alone. */
const FOR_REAL = {
  OUTREACH_OAUTH_URL: ', e.g. https://api.outreach.io/oauth.',
  OUTREACH_CLIENT_ID: '.',
  OUTREACH_CLIENT_SECRET: '.',
  PUBLIC_URL:
    ': it is the address people open, and PUBLIC_URL/auth/callback must be the redirect URI registered with the Outreach app.',
  SESSION_SECRET: `: at least ${MIN_SECRET_LENGTH} random characters.`,
};

/**
 * Settings that only make sense together: OUTREACH_API_URL means real Outreach, which needs the
 * OAuth app, a public address and a stable secret; the OAuth settings alone mean a half-done
 * switch, refused rather than silently served by the emulator. App servers sharing a Redis must
 * share the secret.
 */
function joinedSettingProblems(env: Env): string[] {
  const unset = Object.keys(FOR_REAL).filter((name) => !isSet(env, name));
  const problems = isSet(env, 'OUTREACH_API_URL')
    ? unset.map(
        (name) =>
          `${name} is required when OUTREACH_API_URL is set (real Outreach)${FOR_REAL[name as keyof typeof FOR_REAL]}`,
      )
    : [];
  const strays = Object.keys(FOR_REAL)
    .slice(0, 3)
    .filter((name) => !unset.includes(name));
  if (!isSet(env, 'OUTREACH_API_URL') && strays.length > 0) {
    const [verb, them] = strays.length === 1 ? ['is', 'it'] : ['are', 'them'];
    problems.push(
      `${strays.join(', ')} ${verb} set but OUTREACH_API_URL is not: set OUTREACH_API_URL too to use real Outreach, or unset ${them} to use the embedded emulator.`,
    );
  }
  const publicEmulator = publicEmulatorProblem(env);
  if (publicEmulator !== undefined) problems.push(publicEmulator);
  if (isSet(env, 'REDIS_URL') && !isSet(env, 'DATABASE_URL')) {
    problems.push(
      'DATABASE_URL is required with REDIS_URL: app servers sharing a Redis must share one history, in PostgreSQL (postgres://…).',
    );
  }
  if (isSet(env, 'REDIS_URL') && unset.includes('SESSION_SECRET')) {
    problems.push(
      `SESSION_SECRET is required with REDIS_URL: every app server sharing the Redis must use the same one (at least ${MIN_SECRET_LENGTH} random characters).`,
    );
  }
  return problems;
}

/**
 * The embedded emulator has no passwords: its consent page lets whoever opens it sign in as any
 * seeded user, the admin included. On this machine that is a try-out; at a public address it is an
 * admin tool without authentication, so it serves there only when a public demo is asked for.
 */
function publicEmulatorProblem(env: Env): string | undefined {
  if (isSet(env, 'OUTREACH_API_URL') || !isSet(env, 'PUBLIC_URL')) return undefined;
  const host = URL.parse(env.PUBLIC_URL?.trim() ?? '')?.hostname;
  // A malformed PUBLIC_URL has its own message; a demo asked for by name may be public.
  if (host === undefined || isLoopbackHostname(host)) return undefined;
  if (env.EMULATOR_PUBLIC_DEMO?.trim() === 'true') return undefined;
  return (
    `PUBLIC_URL's host ${host} is not this machine, and the embedded emulator would serve it: anyone ` +
    'who opens it could sign in as any user, the admin included (the emulator has no passwords). ' +
    'Set OUTREACH_API_URL, OUTREACH_OAUTH_URL, OUTREACH_CLIENT_ID, OUTREACH_CLIENT_SECRET and ' +
    'SESSION_SECRET to use a real Outreach, or EMULATOR_PUBLIC_DEMO=true for a public demo, ' +
    `whose every page then says "${PUBLIC_DEMO_NOTICE}".`
  );
}

/** The host the server can reach itself on, for calls to the embedded emulator. */
export function loopbackHost(host: string): string {
  if (['0.0.0.0', '::', '', 'localhost'].includes(host)) return 'localhost';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

const withoutTrailingSlash = (url: string) => withoutTrailingSlashes(new URL(url).href);

/**
 * Real Outreach, or the embedded emulator: then the browser consents at PUBLIC_URL/emulator,
 * while the server's own calls go straight to the port it listens on, so they work behind any
 * PUBLIC_URL (and in --dev, where PUBLIC_URL is the Vite dev server).
 */
function upstreamOf(values: Static<typeof appSettingsSchema>, publicUrl: string) {
  if (values.OUTREACH_API_URL === undefined) {
    const internal = `http://${loopbackHost(values.HOST)}:${values.PORT}${EMULATOR_MOUNT}`;
    return {
      embedded: true,
      apiUrl: `${internal}/api/v2`,
      authorizeUrl: `${publicUrl}${EMULATOR_MOUNT}/oauth/authorize`,
      tokenUrl: `${internal}/oauth/token`,
      clientId: SEEDED_CLIENT.clientId as string,
      clientSecret: SEEDED_CLIENT.clientSecret as string,
      scope: REQUESTED_SCOPE,
    };
  }
  const oauthBase = withoutTrailingSlash(values.OUTREACH_OAUTH_URL ?? '');
  return {
    embedded: false,
    apiUrl: withoutTrailingSlash(values.OUTREACH_API_URL),
    authorizeUrl: `${oauthBase}/authorize`,
    tokenUrl: `${oauthBase}/token`,
    clientId: values.OUTREACH_CLIENT_ID ?? '',
    clientSecret: values.OUTREACH_CLIENT_SECRET ?? '',
    scope: REQUESTED_SCOPE,
  };
}
export type UpstreamConfig = ReturnType<typeof upstreamOf>;

export const defaultDistDir = () =>
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../dist');

/** `dev`: `--dev`, where the Vite dev server serves the SPA (`distDir` null) at DEV_PUBLIC_URL. */
export function parseAppConfig(env: Env, options: { dev?: boolean; distDir?: string } = {}) {
  const read = readSettings(appSettingsSchema, env);
  const errors = [...(read.ok ? [] : read.errors), ...joinedSettingProblems(env)];
  if (!read.ok || errors.length > 0) return { ok: false as const, errors };
  const { values } = read;
  const dev = options.dev ?? false;
  const isTest = env.NODE_ENV === 'test';
  const publicUrl =
    values.PUBLIC_URL === undefined
      ? dev
        ? DEV_PUBLIC_URL
        : `http://localhost:${values.PORT}`
      : new URL(values.PUBLIC_URL).origin;
  const config = {
    port: values.PORT,
    host: values.HOST,
    /** Origin the browser uses, without a trailing slash; the redirect URI hangs off it. */
    publicUrl,
    dataDir: resolve(values.DATA_DIR),
    distDir: dev ? null : (options.distDir ?? defaultDistDir()),
    dev,
    /** Undefined until `resolveSessionSecret` generates or reads one (embedded emulator only). */
    sessionSecret: values.SESSION_SECRET,
    sessionSecretPrevious: values.SESSION_SECRET_PREVIOUS,
    redisUrl: values.REDIS_URL,
    databaseUrl: values.DATABASE_URL,
    historyRetentionDays: values.HISTORY_RETENTION_DAYS,
    refreshLockTtlMs: values.REFRESH_LOCK_SECONDS * 1000,
    sessionTtlSeconds: values.SESSION_TTL_SECONDS,
    /** Refresh an access token this long before it expires (capped at a quarter of its life). */
    refreshLeewaySeconds: 60,
    loginTtlSeconds: 600,
    // Within 10 s a person still waits for an answer; after it, a 504 says Outreach is silent.
    upstreamTimeoutMs: 10_000,
    /** How long `/readyz` waits for a real upstream to answer at all. */
    readinessTimeoutMs: 2_000,
    logLevel: isTest && !isSet(env, 'LOG_LEVEL') ? 'warn' : values.LOG_LEVEL,
    logRequests: !isTest,
    upstream: upstreamOf(values, publicUrl),
    /** EMULATOR_PUBLIC_DEMO: every page, the emulator's consent page included, says so. */
    publicDemo: values.OUTREACH_API_URL === undefined && values.EMULATOR_PUBLIC_DEMO,
  };
  return { ok: true as const, config };
}

/** The config before the session secret is known: it may still have to be generated. */
export type ParsedAppConfig = Extract<ReturnType<typeof parseAppConfig>, { ok: true }>['config'];
export type AppConfig = ParsedAppConfig & { sessionSecret: string };
export type LogLevel = AppConfig['logLevel'];

export const formatConfigErrors = (errors: readonly string[]) =>
  formatSettingErrors(
    'The app server',
    errors,
    'To try the app on this machine, leave every OUTREACH_* setting unset and PUBLIC_URL on localhost: the embedded emulator then serves (see README).',
  );

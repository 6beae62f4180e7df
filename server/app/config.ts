// The app server's settings, read once at start. `parseAppConfig` is pure: it turns an
// environment into either a config or the complete list of what is wrong. Each setting's own rule
// is in `appSettingsSchema`; the few rules that join settings are in `joinedSettingProblems`.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import Type, { type Static } from 'typebox';
import { SEEDED_CLIENT } from '../shared/seededClient';
import { isLoopbackHostname, loopbackHost } from '../shared/loopback';
import {
  flag,
  formatSettingErrors,
  httpUrl,
  isSet,
  logLevel,
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
export const MIN_SECRET_LENGTH = 32;

const secret = (about: string, hint: string) =>
  text(about, { minLength: MIN_SECRET_LENGTH, writeOnly: true, hint });

export const appSettingsSchema = Type.Object({
  PORT: wholeNumber(1, 65535, 8787, 'where `npm start` listens'),
  HOST: textOr('localhost', 'interface to bind'),
  DATA_DIR: textOr('./data', 'where the SQLite files are kept'),
  SESSION_TTL_SECONDS: wholeNumber(60, 31536000, 43200, "a session's longest life"),
  LOG_LEVEL: logLevel('info', 'the JSON request log (warn under NODE_ENV=test)'),
  PUBLIC_URL: text("the app's public origin", {
    format: 'http-origin',
    hint: 'the app is served from the root.',
  }),
  SESSION_SECRET: secret(
    'signs session cookies and seals tokens',
    'generate one with: openssl rand -base64 48',
  ),
  SESSION_SECRET_PREVIOUS: secret(
    'the secret before a rotation',
    'it is the SESSION_SECRET before the current one.',
  ),
  // Never echoed back: it may hold a password.
  REDIS_URL: text('keep sessions in Redis instead of app.sqlite', {
    format: 'redis-url',
    examples: ['redis://localhost:6379/0'],
    writeOnly: true,
  }),
  // Never echoed back: it may hold a password.
  DATABASE_URL: text('keep the history in PostgreSQL instead of app.sqlite', {
    format: 'postgres-url',
    examples: ['postgres://app@localhost:5432/callpurposes'],
    writeOnly: true,
  }),
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

const OAUTH_APP = ['OUTREACH_OAUTH_URL', 'OUTREACH_CLIENT_ID', 'OUTREACH_CLIENT_SECRET'];
/** What real Outreach needs besides OUTREACH_API_URL, and why. */
const FOR_REAL: Record<string, string> = {
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
 * switch, refused rather than silently served by the emulator. The embedded emulator has no
 * passwords (whoever opens its consent page may sign in as anyone, the admin included), so it
 * serves a public address only as a public demo asked for by name. App servers sharing a Redis
 * must share the secret.
 */
function joinedSettingProblems(env: Env): string[] {
  const unset = Object.keys(FOR_REAL).filter((name) => !isSet(env, name));
  if (isSet(env, 'OUTREACH_API_URL')) {
    return unset.map(
      (name) => `${name} is required when OUTREACH_API_URL is set (real Outreach)${FOR_REAL[name]}`,
    );
  }
  const strays = OAUTH_APP.filter((name) => !unset.includes(name));
  const [verb, them] = strays.length === 1 ? ['is', 'it'] : ['are', 'them'];
  // A malformed PUBLIC_URL has its own message.
  const host = URL.parse(env.PUBLIC_URL?.trim() ?? '')?.hostname ?? 'localhost';
  return [
    strays.length > 0 &&
      `${strays.join(', ')} ${verb} set but OUTREACH_API_URL is not: set OUTREACH_API_URL too to use real Outreach, or unset ${them} to use the embedded emulator.`,
    !isLoopbackHostname(host) &&
      env.EMULATOR_PUBLIC_DEMO?.trim() !== 'true' &&
      `PUBLIC_URL's host ${host} is not this machine, and the embedded emulator would serve it: anyone who opens it could sign in as any user, the admin included (the emulator has no passwords). Set OUTREACH_API_URL, OUTREACH_OAUTH_URL, OUTREACH_CLIENT_ID, OUTREACH_CLIENT_SECRET and SESSION_SECRET to use a real Outreach, or EMULATOR_PUBLIC_DEMO=true for a public demo, whose every page then says "${PUBLIC_DEMO_NOTICE}".`,
    isSet(env, 'REDIS_URL') &&
      !isSet(env, 'DATABASE_URL') &&
      'DATABASE_URL is required with REDIS_URL: app servers sharing a Redis must share one history, in PostgreSQL (postgres://…).',
    isSet(env, 'REDIS_URL') &&
      unset.includes('SESSION_SECRET') &&
      `SESSION_SECRET is required with REDIS_URL: every app server sharing the Redis must use the same one (at least ${MIN_SECRET_LENGTH} random characters).`,
  ].filter((problem) => problem !== false);
}

const withoutTrailingSlash = (url = '') => withoutTrailingSlashes(new URL(url).href);

/**
 * Real Outreach, or the embedded emulator: then the browser consents at PUBLIC_URL/emulator,
 * while the server's own calls go straight to the port it listens on, so they work behind any
 * PUBLIC_URL (and in --dev, where PUBLIC_URL is the Vite dev server).
 */
function upstreamOf(values: Static<typeof appSettingsSchema>, publicUrl: string) {
  const real = values.OUTREACH_API_URL !== undefined;
  const internal = `http://${loopbackHost(values.HOST)}:${values.PORT}${EMULATOR_MOUNT}`;
  const oauth = real ? withoutTrailingSlash(values.OUTREACH_OAUTH_URL) : `${internal}/oauth`;
  return {
    embedded: !real,
    apiUrl: real ? withoutTrailingSlash(values.OUTREACH_API_URL) : `${internal}/api/v2`,
    authorizeUrl: real ? `${oauth}/authorize` : `${publicUrl}${EMULATOR_MOUNT}/oauth/authorize`,
    tokenUrl: `${oauth}/token`,
    // Set only for real Outreach (joinedSettingProblems refuses them alone).
    clientId: values.OUTREACH_CLIENT_ID ?? SEEDED_CLIENT.clientId,
    clientSecret: values.OUTREACH_CLIENT_SECRET ?? SEEDED_CLIENT.clientSecret,
    scope: REQUESTED_SCOPE,
  };
}
export type UpstreamConfig = ReturnType<typeof upstreamOf>;

/** `dev`: `--dev`, where the Vite dev server serves the SPA (`distDir` null) at port 5173. */
export function parseAppConfig(env: Env, options: { dev?: boolean; distDir?: string } = {}) {
  const read = readSettings(appSettingsSchema, env);
  const errors = [...(read.ok ? [] : read.errors), ...joinedSettingProblems(env)];
  if (!read.ok || errors.length > 0) return { ok: false as const, errors };
  const { values } = read;
  const dev = options.dev ?? false;
  const isTest = env.NODE_ENV === 'test';
  const publicUrl =
    values.PUBLIC_URL === undefined
      ? `http://localhost:${dev ? 5173 : values.PORT}`
      : new URL(values.PUBLIC_URL).origin;
  const config = {
    ...values,
    DATA_DIR: resolve(values.DATA_DIR),
    LOG_LEVEL: isTest && !isSet(env, 'LOG_LEVEL') ? 'warn' : values.LOG_LEVEL,
    /** Origin the browser uses, without a trailing slash; the redirect URI hangs off it. */
    publicUrl,
    distDir: dev
      ? null
      : (options.distDir ?? fileURLToPath(new URL('../../dist', import.meta.url))),
    dev,
    /** Refresh an access token this long before it expires (capped at a quarter of its life). */
    refreshLeewaySeconds: 60,
    loginTtlSeconds: 600,
    // Within 10 s a person still waits for an answer; after it, a 504 says Outreach is silent.
    upstreamTimeoutMs: 10_000,
    /** How long `/readyz` waits for a real upstream to answer at all. */
    readinessTimeoutMs: 2_000,
    logRequests: !isTest,
    upstream: upstreamOf(values, publicUrl),
    /** EMULATOR_PUBLIC_DEMO: every page, the emulator's consent page included, says so. */
    publicDemo: values.OUTREACH_API_URL === undefined && values.EMULATOR_PUBLIC_DEMO,
  };
  return { ok: true as const, config };
}

/** The config before SESSION_SECRET is known: `resolveSessionSecret` may generate it. */
export type ParsedAppConfig = Extract<ReturnType<typeof parseAppConfig>, { ok: true }>['config'];
export type AppConfig = ParsedAppConfig & { SESSION_SECRET: string };

export const formatConfigErrors = (errors: readonly string[]) =>
  formatSettingErrors(
    'The app server',
    errors,
    'To try the app on this machine, leave every OUTREACH_* setting unset and PUBLIC_URL on localhost: the embedded emulator then serves (see README).',
  );

// The emulator's settings, read from the environment only by its entry points (`main.ts`, the
// token CLI, and the app server when it embeds the emulator); the plugin itself takes options,
// and takes its defaults from here.
import path from 'node:path';
import Type from 'typebox';
import { isLoopbackHost } from '../shared/loopback';
import * as setting from '../shared/settings';

const YEAR = 365 * 24 * 3600;

export const emulatorSettingsSchema = Type.Object({
  DATA_DIR: setting.textOr('./data', 'where the SQLite files are kept'),
  HOST: setting.textOr('localhost', 'interface to bind'),
  EMULATOR_PORT: setting.wholeNumber(0, 65535, 8788, 'where `npm run emulator` listens'),
  EMULATOR_TOKEN_TTL_SECONDS: setting.wholeNumber(1, YEAR, 7200, 'access-token lifetime'),
  EMULATOR_REFRESH_TOKEN_TTL_SECONDS: setting.wholeNumber(
    1,
    10 * YEAR,
    2592000,
    'refresh-token lifetime',
  ),
  // Authorization codes must be short-lived (RFC 6749 §4.1.2): at most a minute.
  EMULATOR_CODE_TTL_SECONDS: setting.wholeNumber(1, 60, 60, 'authorization-code lifetime'),
  EMULATOR_RATE_LIMIT: setting.wholeNumber(1, 1e9, 10000, 'requests per user per hour'),
  EMULATOR_REDIRECT_URIS: setting.text('extra redirect URIs the seeded client accepts', {
    format: 'http-url-list',
  }),
  EMULATOR_LOG_LEVEL: setting.logLevel('warn', "the standalone emulator's log level"),
  EMULATOR_TEST_CLOCK: setting.flag(
    'serve POST /test/clock, which moves time forward (tests only)',
  ),
});

/** Either the config or every problem with it, one sentence each. */
export function parseEmulatorConfig(env: setting.Env) {
  const read = setting.readSettings(emulatorSettingsSchema, env);
  if (!read.ok) return read;
  const { values } = read;
  // A clock anyone can move would let them outlive every token's expiry.
  if (values.EMULATOR_TEST_CLOCK && (env.NODE_ENV !== 'test' || !isLoopbackHost(values.HOST))) {
    const errors = [
      `EMULATOR_TEST_CLOCK=true is for tests only: it needs NODE_ENV=test and HOST on this machine (got NODE_ENV="${env.NODE_ENV ?? ''}", HOST="${values.HOST}").`,
    ];
    return { ok: false as const, errors };
  }
  /** The plugin's share of the config; the rest is where the standalone server listens. */
  const options = {
    dataDir: path.resolve(values.DATA_DIR),
    tokenTtlSeconds: values.EMULATOR_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: values.EMULATOR_REFRESH_TOKEN_TTL_SECONDS,
    codeTtlSeconds: values.EMULATOR_CODE_TTL_SECONDS,
    rateLimit: values.EMULATOR_RATE_LIMIT,
    /** Redirect URIs accepted in addition to the loopback `/auth/callback` rule. */
    redirectUris: setting.splitList(values.EMULATOR_REDIRECT_URIS),
  };
  const { EMULATOR_PORT: port, HOST: host, EMULATOR_LOG_LEVEL: logLevel } = values;
  const testClock = values.EMULATOR_TEST_CLOCK;
  return { ok: true as const, config: { port, host, logLevel, testClock, options } };
}

export const formatEmulatorConfigErrors = (errors: readonly string[]) =>
  setting.formatSettingErrors('The emulator', errors);

/** What the emulator uses for a setting nobody gave it (the plugin's defaults too). */
const defaults = parseEmulatorConfig({});
if (!defaults.ok) throw new Error(formatEmulatorConfigErrors(defaults.errors));
export const EMULATOR_DEFAULTS = defaults.config.options;

// The emulator's settings, read from the environment only by its entry points (`main.ts`, the
// token CLI, and the app server when it embeds the emulator); the plugin itself takes options,
// and takes its defaults from here.
import path from 'node:path';
import Type from 'typebox';
import {
  formatSettingErrors,
  httpUrlList,
  LOG_LEVELS,
  oneOf,
  readSettings,
  splitList,
  textOr,
  wholeNumber,
  type Env,
} from '../shared/settings';

const YEAR_SECONDS = 365 * 24 * 3600;

export const emulatorSettingsSchema = Type.Object({
  DATA_DIR: textOr('./data', 'where emulator.sqlite is kept'),
  HOST: textOr('localhost', 'interface to bind'),
  EMULATOR_PORT: wholeNumber(0, 65535, 8788, 'where `npm run emulator` listens'),
  EMULATOR_TOKEN_TTL_SECONDS: wholeNumber(1, YEAR_SECONDS, 7200, 'access-token lifetime'),
  EMULATOR_REFRESH_TOKEN_TTL_SECONDS: wholeNumber(
    1,
    10 * YEAR_SECONDS,
    30 * 24 * 3600,
    'refresh-token lifetime',
  ),
  // Authorization codes must be short-lived (RFC 6749 §4.1.2): at most a minute.
  EMULATOR_CODE_TTL_SECONDS: wholeNumber(1, 60, 60, 'authorization-code lifetime'),
  EMULATOR_RATE_LIMIT: wholeNumber(1, 1_000_000_000, 10000, 'requests per user per hour'),
  EMULATOR_REDIRECT_URIS: httpUrlList('extra redirect URIs the seeded client accepts'),
  EMULATOR_LOG_LEVEL: oneOf(LOG_LEVELS, 'warn', "the standalone emulator's log level"),
});

/** Either the config or every problem with it, one sentence each. */
export function parseEmulatorConfig(env: Env) {
  const read = readSettings(emulatorSettingsSchema, env);
  if (!read.ok) return read;
  const { values } = read;
  /** The plugin's share of the config; the rest is where the standalone server listens. */
  const options = {
    dataDir: path.resolve(values.DATA_DIR),
    tokenTtlSeconds: values.EMULATOR_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: values.EMULATOR_REFRESH_TOKEN_TTL_SECONDS,
    codeTtlSeconds: values.EMULATOR_CODE_TTL_SECONDS,
    rateLimit: values.EMULATOR_RATE_LIMIT,
    /** Redirect URIs accepted in addition to the loopback `/auth/callback` rule. */
    redirectUris: splitList(values.EMULATOR_REDIRECT_URIS),
  };
  const { EMULATOR_PORT: port, HOST: host, EMULATOR_LOG_LEVEL: logLevel } = values;
  return { ok: true as const, config: { port, host, logLevel, options } };
}

export const formatEmulatorConfigErrors = (errors: readonly string[]) =>
  formatSettingErrors('The emulator', errors);

/** What the emulator uses for a setting nobody gave it (the plugin's defaults too). */
const defaults = parseEmulatorConfig({});
if (!defaults.ok) throw new Error(formatEmulatorConfigErrors(defaults.errors));
export const EMULATOR_DEFAULTS = defaults.config.options;

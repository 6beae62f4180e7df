// The emulator's settings, read from the environment only by its entry points (`main.ts`, the
// token CLI, and the app server when it embeds the emulator); the plugin itself takes options.
import path from 'node:path';
import {
  httpUrlList,
  readEnv,
  text,
  wholeNumber,
  type Env,
  type EnvSchema,
} from '../shared/envSchema';
import type { EmulatorOptions } from './plugin';

export type EmulatorConfig = {
  dataDir: string;
  port: number;
  host: string;
  tokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  codeTtlSeconds: number;
  rateLimit: number;
  /** Redirect URIs accepted in addition to the loopback `/auth/callback` rule. */
  redirectUris: string[];
  /** Pino level of the standalone emulator's log. */
  logLevel: string;
};

const YEAR_SECONDS = 365 * 24 * 3600;

/** What the emulator uses for a setting nobody gave it (the plugin's defaults too). */
export const EMULATOR_DEFAULTS = {
  tokenTtlSeconds: 7200,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  // Authorization codes must be short-lived (RFC 6749 §4.1.2): at most a minute.
  codeTtlSeconds: 60,
  rateLimit: 10000,
} as const;

const emulatorEnvSchema: EnvSchema = {
  type: 'object',
  properties: {
    DATA_DIR: text(),
    HOST: text(),
    EMULATOR_PORT: wholeNumber(0, 65535, 8788),
    EMULATOR_TOKEN_TTL_SECONDS: wholeNumber(1, YEAR_SECONDS, EMULATOR_DEFAULTS.tokenTtlSeconds),
    EMULATOR_REFRESH_TOKEN_TTL_SECONDS: wholeNumber(
      1,
      10 * YEAR_SECONDS,
      EMULATOR_DEFAULTS.refreshTokenTtlSeconds,
    ),
    EMULATOR_CODE_TTL_SECONDS: wholeNumber(1, 60, EMULATOR_DEFAULTS.codeTtlSeconds),
    EMULATOR_RATE_LIMIT: wholeNumber(1, 1_000_000_000, EMULATOR_DEFAULTS.rateLimit),
    EMULATOR_REDIRECT_URIS: httpUrlList(),
    EMULATOR_LOG_LEVEL: text(),
  },
};

type EmulatorEnv = {
  DATA_DIR?: string;
  HOST?: string;
  EMULATOR_PORT: number;
  EMULATOR_TOKEN_TTL_SECONDS: number;
  EMULATOR_REFRESH_TOKEN_TTL_SECONDS: number;
  EMULATOR_CODE_TTL_SECONDS: number;
  EMULATOR_RATE_LIMIT: number;
  EMULATOR_REDIRECT_URIS?: string[];
  EMULATOR_LOG_LEVEL?: string;
};

export type EmulatorConfigResult =
  { ok: true; config: EmulatorConfig } | { ok: false; errors: string[] };

/** Either the config or every problem with it, one sentence each. */
export function parseEmulatorConfig(env: Env): EmulatorConfigResult {
  const read = readEnv<EmulatorEnv>(emulatorEnvSchema, env);
  if (!read.ok) return read;
  const values = read.values;
  return {
    ok: true,
    config: {
      dataDir: path.resolve(values.DATA_DIR ?? './data'),
      port: values.EMULATOR_PORT,
      host: values.HOST ?? 'localhost',
      tokenTtlSeconds: values.EMULATOR_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: values.EMULATOR_REFRESH_TOKEN_TTL_SECONDS,
      codeTtlSeconds: values.EMULATOR_CODE_TTL_SECONDS,
      rateLimit: values.EMULATOR_RATE_LIMIT,
      redirectUris: values.EMULATOR_REDIRECT_URIS ?? [],
      logLevel: values.EMULATOR_LOG_LEVEL ?? 'warn',
    },
  };
}

export class EmulatorConfigError extends Error {
  override name = 'EmulatorConfigError';
}

/** One message naming everything that is wrong, for the console. */
export function formatEmulatorConfigErrors(errors: readonly string[]): string {
  return [
    `The emulator cannot start: ${errors.length === 1 ? 'one setting needs' : `${errors.length} settings need`} fixing.`,
    ...errors.map((error) => `  - ${error}`),
  ].join('\n');
}

/** For entry points that cannot go on without a config: throws with every problem listed. */
export function readEmulatorConfig(env: Env): EmulatorConfig {
  const result = parseEmulatorConfig(env);
  if (!result.ok) throw new EmulatorConfigError(formatEmulatorConfigErrors(result.errors));
  return result.config;
}

/** The plugin's share of the config (the rest is where the standalone server listens). */
export function emulatorOptionsFrom(config: EmulatorConfig): EmulatorOptions {
  return {
    dataDir: config.dataDir,
    tokenTtlSeconds: config.tokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    codeTtlSeconds: config.codeTtlSeconds,
    rateLimit: config.rateLimit,
    redirectUris: config.redirectUris,
  };
}

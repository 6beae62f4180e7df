import path from 'node:path';

/** Settings the emulator reads from the environment; validated once at start. */
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
};

const THIRTY_DAYS_SECONDS = 30 * 24 * 60 * 60;

export class EmulatorConfigError extends Error {
  override name = 'EmulatorConfigError';
}

function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new EmulatorConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readRedirectUris(env: NodeJS.ProcessEnv): string[] {
  const raw = env.EMULATOR_REDIRECT_URIS;
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '')
    .map((uri) => {
      let parsed: URL;
      try {
        parsed = new URL(uri);
      } catch {
        throw new EmulatorConfigError(`EMULATOR_REDIRECT_URIS: "${uri}" is not an absolute URL`);
      }
      // RFC 6749 §3.1.2: a redirection endpoint must not include a fragment.
      if (parsed.hash !== '' || !/^https?:$/.test(parsed.protocol)) {
        throw new EmulatorConfigError(
          `EMULATOR_REDIRECT_URIS: "${uri}" must be http(s) without a fragment`,
        );
      }
      return uri;
    });
}

export function readEmulatorConfig(env: NodeJS.ProcessEnv): EmulatorConfig {
  const host = env.HOST?.trim() || 'localhost';
  return {
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    port: readInteger(env, 'EMULATOR_PORT', 8788, 0, 65535),
    host,
    tokenTtlSeconds: readInteger(env, 'EMULATOR_TOKEN_TTL_SECONDS', 7200, 1, 365 * 24 * 3600),
    refreshTokenTtlSeconds: readInteger(
      env,
      'EMULATOR_REFRESH_TOKEN_TTL_SECONDS',
      THIRTY_DAYS_SECONDS,
      1,
      10 * 365 * 24 * 3600,
    ),
    // Authorization codes must be short-lived (RFC 6749 §4.1.2); the issue asks for at most a minute.
    codeTtlSeconds: readInteger(env, 'EMULATOR_CODE_TTL_SECONDS', 60, 1, 60),
    rateLimit: readInteger(env, 'EMULATOR_RATE_LIMIT', 10000, 1, 1_000_000_000),
    redirectUris: readRedirectUris(env),
  };
}

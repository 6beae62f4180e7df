// With the embedded emulator and no SESSION_SECRET, `npm start` must just work: generate a secret
// once and keep it in DATA_DIR so sessions survive restarts. Never logged.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_SECRET_LENGTH, type AppConfig, type ParsedAppConfig } from './config';

export const SESSION_SECRET_FILE = 'session-secret';

export function resolveSessionSecret(config: ParsedAppConfig): AppConfig {
  if (config.SESSION_SECRET !== undefined)
    return { ...config, SESSION_SECRET: config.SESSION_SECRET };
  if (!config.upstream.embedded) {
    // parseAppConfig already refuses this; kept as a guard for hand-built configs.
    throw new Error('SESSION_SECRET is required with a real Outreach upstream.');
  }
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const path = join(config.DATA_DIR, SESSION_SECRET_FILE);
  let secret: string | undefined;
  try {
    secret = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH) {
    secret = randomBytes(48).toString('base64url');
    writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  }
  return { ...config, SESSION_SECRET: secret };
}

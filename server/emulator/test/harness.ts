/** Shared test setup: a fresh emulator on a temp DATA_DIR, tokens, and request helpers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildEmulatorServer } from '../app';
import { mintToken } from '../cli/token';
import { databaseFile } from '../db';
import type { EmulatorOptions } from '../plugin';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const JSON_API = 'application/vnd.api+json';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-test-'));
}

export type Emulator = {
  app: FastifyInstance;
  dataDir: string;
  token: (who: string, scope?: string) => string;
  request: (
    options: InjectOptions & { token?: string; json?: unknown },
  ) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

/** Mints an hour-long token, issued at `now` (the emulator's clock when it has a test clock). */
export function tokenFor(
  dataDir: string,
  who: string,
  scope = 'callPurposes.all',
  now = Date.now(),
): string {
  const result = mintToken(dataDir, who, scope, 3600, now);
  if ('error' in result) throw new Error(result.error);
  return result.token;
}

export async function startEmulator(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  const dataDir = options.dataDir ?? tempDataDir();
  const app = await buildEmulatorServer({ ...options, dataDir });
  await app.ready();
  const clock = options.clock;
  return {
    app,
    dataDir,
    token: (who, scope) => tokenFor(dataDir, who, scope, clock?.now()),
    request: ({ token, json, headers, ...options }) =>
      app.inject({
        ...options,
        headers: {
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          ...(json === undefined ? {} : { 'content-type': JSON_API }),
          ...headers,
        },
        ...(json === undefined ? {} : { payload: JSON.stringify(json) }),
      }),
    close: async () => {
      await app.close();
    },
  };
}

/** Every row of every table that holds API data, for before/after comparisons. */
export function snapshot(dataDir: string): string {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  try {
    return JSON.stringify({
      callPurposes: db.prepare('SELECT * FROM call_purposes ORDER BY id').all(),
      users: db.prepare('SELECT * FROM users ORDER BY id').all(),
    });
  } finally {
    db.close();
  }
}

export function purposeDocument(attributes: Record<string, unknown>, id?: number) {
  return { data: { type: 'callPurpose', ...(id === undefined ? {} : { id }), attributes } };
}

// The servers the end-to-end tests run against, each on a fresh DATA_DIR (removed before start),
// stopped with SIGTERM so SQLite closes cleanly:
// - the main app server with the embedded emulator (`npm start` as a newcomer runs it);
// - an app server whose refresh tokens outlive no session, with a clock the session-expiry test
//   moves (EMULATOR_TEST_CLOCK);
// - a standalone emulator (`npm run emulator`) acting as an external Outreach, with a clock the
//   test moves past its access tokens' life, and an app server configured for it through the
//   OUTREACH_* settings;
// - a private redis-server (no persistence), a private PostgreSQL (a new cluster in a temporary
//   directory) and an app server keeping its sessions and history there, for the project that
//   runs a set of the same flows against those stores.
import type { PlaywrightTestConfig } from '@playwright/test';
import { testPostgresUrl } from '../../server/app/test/postgresServer';
import { SEEDED_CLIENT } from '../../server/shared/seededClient';

type WebServer = NonNullable<Extract<PlaywrightTestConfig['webServer'], unknown[]>>[number];

const DATA_ROOT = 'test-results/e2e-data';

// E2E_PORT_BASE moves all four servers together, so two checkouts can run their suites at once.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 4310);

export const E2E_PORT = PORT_BASE;
export const E2E_APP_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = `${DATA_ROOT}/main`;

export const SHORT_SESSION_PORT = PORT_BASE + 3;
export const SHORT_SESSION_APP_URL = `http://localhost:${SHORT_SESSION_PORT}`;
export const SHORT_SESSION_DATA_DIR = `${DATA_ROOT}/short-session`;
/** Access tokens last a minute and refresh tokens ten: moved past that, a session is over. */
export const SHORT_REFRESH_TOKEN_TTL_SECONDS = 600;

export const EXTERNAL_EMULATOR_PORT = PORT_BASE + 1;
export const EXTERNAL_EMULATOR_URL = `http://localhost:${EXTERNAL_EMULATOR_PORT}`;
export const EXTERNAL_EMULATOR_DATA_DIR = `${DATA_ROOT}/external-emulator`;
export const EXTERNAL_TOKEN_TTL_SECONDS = 300;
export const EXTERNAL_APP_PORT = PORT_BASE + 2;
export const EXTERNAL_APP_URL = `http://localhost:${EXTERNAL_APP_PORT}`;

/** The reorder spec starts its own app server (its writes must not disturb the other specs). */
export const REORDER_APP_PORT = PORT_BASE + 4;
/** The same for the spec that fails chosen writes and checks Retry and Undo. */
export const REORDER_RECOVERY_APP_PORT = PORT_BASE + 5;

export const REDIS_PORT = PORT_BASE + 6;
export const REDIS_APP_PORT = PORT_BASE + 7;
export const REDIS_APP_URL = `http://localhost:${REDIS_APP_PORT}`;
export const REDIS_APP_DATA_DIR = `${DATA_ROOT}/redis-app`;
/** Free for specs that start an app server of their own (the Redis outage spec). */
export const SPARE_PORT = PORT_BASE + 8;
/** The long-list spec's own server (1,000 purposes seeded). */
export const LONG_LIST_APP_PORT = PORT_BASE + 9;
/** The history of the app server on Redis (app servers sharing sessions share a PostgreSQL). */
export const POSTGRES_PORT = PORT_BASE + 10;
const E2E_SESSION_SECRET = 'e2e-session-secret-that-is-long-enough-for-the-app-server-0123456789';

function freshDataDir(dataDir: string): string {
  return `rm -rf ${dataDir} && mkdir -p ${dataDir}`;
}

function server(command: string, healthUrl: string, env: Record<string, string>): WebServer {
  return {
    command,
    url: healthUrl,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: { NODE_ENV: 'test', ...env },
  };
}

function appServer(port: number, dataDir: string, env: Record<string, string> = {}): WebServer {
  return server(
    `${freshDataDir(dataDir)} && exec node --import tsx server/server.ts`,
    `http://localhost:${port}/healthz`,
    { PORT: String(port), DATA_DIR: dataDir, ...env },
  );
}

const externalEmulator = server(
  `${freshDataDir(EXTERNAL_EMULATOR_DATA_DIR)} && exec node --import tsx server/emulator/main.ts`,
  `${EXTERNAL_EMULATOR_URL}/healthz`,
  {
    EMULATOR_PORT: String(EXTERNAL_EMULATOR_PORT),
    DATA_DIR: EXTERNAL_EMULATOR_DATA_DIR,
    EMULATOR_TOKEN_TTL_SECONDS: String(EXTERNAL_TOKEN_TTL_SECONDS),
    EMULATOR_REDIRECT_URIS: `${EXTERNAL_APP_URL}/auth/callback`,
    EMULATOR_TEST_CLOCK: 'true',
  },
);

const appForExternalEmulator = appServer(EXTERNAL_APP_PORT, `${DATA_ROOT}/external-app`, {
  PUBLIC_URL: EXTERNAL_APP_URL,
  OUTREACH_API_URL: `${EXTERNAL_EMULATOR_URL}/api/v2`,
  OUTREACH_OAUTH_URL: `${EXTERNAL_EMULATOR_URL}/oauth`,
  OUTREACH_CLIENT_ID: SEEDED_CLIENT.clientId,
  OUTREACH_CLIENT_SECRET: SEEDED_CLIENT.clientSecret,
  SESSION_SECRET: E2E_SESSION_SECRET,
});

// Started before the app server that needs it (Playwright starts web servers in order).
const redis: WebServer = {
  command: `exec redis-server --port ${REDIS_PORT} --bind 127.0.0.1 --save '' --appendonly no`,
  port: REDIS_PORT,
  reuseExistingServer: false,
  timeout: 30_000,
  gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
};

const postgres: WebServer = {
  command: `exec node --import tsx scripts/testPostgres.ts ${POSTGRES_PORT}`,
  port: POSTGRES_PORT,
  reuseExistingServer: false,
  timeout: 60_000,
  gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
};

const appOnRedis = appServer(REDIS_APP_PORT, REDIS_APP_DATA_DIR, {
  REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}/0`,
  DATABASE_URL: testPostgresUrl(POSTGRES_PORT),
  SESSION_SECRET: E2E_SESSION_SECRET,
});

export const e2eServers: WebServer[] = [
  appServer(E2E_PORT, E2E_DATA_DIR),
  appServer(SHORT_SESSION_PORT, SHORT_SESSION_DATA_DIR, {
    EMULATOR_TOKEN_TTL_SECONDS: '60',
    EMULATOR_REFRESH_TOKEN_TTL_SECONDS: String(SHORT_REFRESH_TOKEN_TTL_SECONDS),
    EMULATOR_TEST_CLOCK: 'true',
  }),
  externalEmulator,
  appForExternalEmulator,
  redis,
  postgres,
  appOnRedis,
];

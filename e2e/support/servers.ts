// The servers the end-to-end tests run against: the real app server with the embedded emulator,
// each on a fresh DATA_DIR (removed before start), stopped with SIGTERM so SQLite closes cleanly.
import type { PlaywrightTestConfig } from '@playwright/test';

export const E2E_PORT = 4310;
export const E2E_APP_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = 'test-results/e2e-data/main';

type WebServer = NonNullable<Extract<PlaywrightTestConfig['webServer'], unknown[]>>[number];

function appServer(port: number, dataDir: string, env: Record<string, string> = {}): WebServer {
  return {
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && exec node --import tsx server/main.ts`,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: { PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'test', ...env },
  };
}

export const e2eServers: WebServer[] = [appServer(E2E_PORT, E2E_DATA_DIR)];

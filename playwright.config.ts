import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_APP_URL, e2eServers, REDIS_APP_DATA_DIR, REDIS_APP_URL } from './e2e/support/servers';

// Playwright cannot download its own browsers here: use Debian's Chromium where it exists, so a
// machine with Playwright's bundled browser still works.
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: E2E_APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },
    {
      // The same sign-in, CRUD, role and validation flows once more, against an app server
      // keeping its sessions in Redis (reorder and session expiry stay on the SQLite run: they
      // start servers of their own, and the store is not what they are about).
      name: 'chromium-redis-sessions',
      testMatch: ['crud.spec.ts', 'roles.spec.ts', 'validation.spec.ts', 'agentWrite.spec.ts'],
      metadata: { url: REDIS_APP_URL, dataDir: REDIS_APP_DATA_DIR },
      use: { ...devices['Desktop Chrome'], baseURL: REDIS_APP_URL },
    },
  ],
  webServer: e2eServers,
});

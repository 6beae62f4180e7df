// What the browser benchmarks share: an app server of their own on a fresh DATA_DIR, Chromium,
// purposes seeded through the API, signing in as a seeded user, and small statistics helpers.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startAppServer, type AppServerProcess } from '../../e2e/support/appServerProcess';
import { OutreachApi, tokenFor } from '../../e2e/support/outreachApi';
import { USERS, type Role } from '../../e2e/support/signIn';

/** Benchmarks take ports from here up (BENCH_PORT_BASE), so several checkouts can run at once. */
export const BENCH_PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4330);

export function buildIfMissing(): void {
  if (existsSync('dist/index.html')) return;
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath:
      process.env.CHROMIUM_PATH ??
      (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  });
}

export async function startBenchServer(portOffset: number, name: string) {
  const dataDir = `test-results/bench-data/${name}`;
  const app: AppServerProcess = await startAppServer({
    port: BENCH_PORT_BASE + portOffset,
    dataDir,
  });
  const api = new OutreachApi(`${app.url}/emulator/api/v2`, tokenFor('admin', dataDir));
  return { app, api };
}

export type SignedInState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Signs in as `role` once and returns the cookies, for fresh contexts to reuse. */
export async function signedInState(browser: Browser, url: string, role: Role) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInPage(page, url, role);
  const state = await context.storageState();
  await context.close();
  return state;
}

export async function signInPage(page: Page, url: string, role: Role): Promise<void> {
  await page.goto(`${url}/call-purposes`);
  await page.getByRole('button', { name: 'Sign in with Outreach' }).click();
  await page.getByLabel(USERS[role].consentLabel).check();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('table').waitFor();
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** "12.3 ms (1.4×)": a figure beside its ratio to the small list's. */
export function withRatio(value: number, base: number, unit = 'ms', digits = 0): string {
  const ratio = base > 0 ? ` (${(value / base).toFixed(2)}×)` : '';
  return `${value.toFixed(digits)} ${unit}${ratio}`;
}

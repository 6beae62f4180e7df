// Time from navigation to the list being visible (its last row rendered) in Chromium, for 50 and
// 1,000 purposes, against the real app server and embedded emulator on a fresh DATA_DIR, the
// purposes seeded through the API. Each run opens a new browser context (cold HTTP cache, the
// session cookie carried over), and reports `performance.now()` at the first animation frame
// where every row is in the DOM. Median of several runs. Figures only.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';
import { startAppServer } from '../e2e/support/appServerProcess';
import { OutreachApi, tokenFor } from '../e2e/support/outreachApi';

const PORT = Number(process.env.BENCH_PORT_BASE ?? 4330) + 1;
const DATA_DIR = 'test-results/bench-data/list-visible';
const SIZES = [50, 1000];
const RUNS = 7;
const SEED_CONCURRENCY = 8;

async function seedUpTo(api: OutreachApi, total: number): Promise<void> {
  const existing = (await api.list()).length;
  let next = existing;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      while (next < total) {
        next += 1;
        await api.create(`Bench purpose ${String(next).padStart(4, '0')}`);
      }
    }),
  );
}

async function signedInState(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/call-purposes`);
  await page.getByRole('button', { name: 'Sign in with Outreach' }).click();
  await page.getByLabel('Alex Morgan (admin)').check();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('table').waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

type SignedInState = Awaited<ReturnType<BrowserContext['storageState']>>;

async function timeToVisibleList(
  browser: Browser,
  url: string,
  rows: number,
  state: SignedInState,
) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.goto(`${url}/call-purposes`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (count) => document.querySelectorAll('tbody tr').length >= count && performance.now(),
    rows,
    { polling: 'raf', timeout: 30_000 },
  );
  const elapsed = (await handle.jsonValue()) as number;
  await context.close();
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

if (!existsSync('dist/index.html')) {
  spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
}
const server = await startAppServer({ port: PORT, dataDir: DATA_DIR });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
  const api = new OutreachApi(`${server.url}/emulator/api/v2`, tokenFor('admin', DATA_DIR));
  const state = await signedInState(browser, server.url);
  console.log(`Navigation to list visible, Chromium, median of ${RUNS} cold-cache runs:`);
  console.log(`  (machine load average at start: ${loadavg()[0]?.toFixed(1)})`);
  for (const size of SIZES) {
    await seedUpTo(api, size);
    await timeToVisibleList(browser, server.url, size, state); // warm the server up
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      times.push(await timeToVisibleList(browser, server.url, size, state));
    }
    const spread = `min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`;
    console.log(
      `  ${String(size).padStart(5)} purposes: ${median(times).toFixed(0)} ms  (${spread})`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}

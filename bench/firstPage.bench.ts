// The first page in Chromium against the real app server and emulator (fresh DATA_DIR, purposes
// seeded through the API):
// - per role, the JavaScript fetched before the list is visible and in total, read from the
//   network (every script response's body, as sent), gzip -9 and brotli of each body, and what
//   the wire carried when the server compressed it;
// - navigation to list visible for 50, 1,000 and 2,000 purposes (admin), cold HTTP cache, median
//   of several runs, beside the ratio to 50.
// "List visible" is the first animation frame where the table says how many rows it has and the
// rows that fit the window are in the DOM. Figures only: nothing here asserts.
import type { Browser, Response } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Role } from '../e2e/support/signIn';
import {
  buildIfMissing,
  launchChromium,
  median,
  signedInState,
  startBenchServer,
  withRatio,
  type SignedInState,
} from './support/browserBench';
import { seedUpTo } from '../e2e/support/seedPurposes';

const ROLES: Role[] = ['admin', 'manager', 'agent'];
const SIZES = [50, 1000, 2000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BYTES_SIZE = 1000;

// Page-side: the frame the list became visible at, in performance.now() terms.
const VISIBLE = `
  window.__listVisibleAt = new Promise((resolve) => {
    const check = () => {
      const table = document.querySelector('table[aria-rowcount]');
      const rows = table ? table.querySelectorAll('tbody tr[aria-rowindex]') : [];
      const total = Number(table?.getAttribute('aria-rowcount') ?? 0) - 1;
      const last = rows[rows.length - 1];
      const filled = last && (rows.length >= total || last.getBoundingClientRect().bottom >= innerHeight);
      if (filled) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
`;

declare global {
  interface Window {
    __listVisibleAt: Promise<number>;
  }
}

type Script = { url: string; at: number; gzip: number; brotli: number; wire: number | null };

async function openList(browser: Browser, url: string, state: SignedInState, record = false) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.addInitScript({ content: VISIBLE });
  const scripts: Promise<Script>[] = [];
  const origin = Date.now();
  page.on('response', (response: Response) => {
    if (!record || response.request().resourceType() !== 'script') return;
    const at = Date.now() - origin;
    scripts.push(
      (async () => {
        const body = await response.body();
        const sizes = await response.request().sizes();
        const encoded = (await response.allHeaders())['content-encoding'];
        return {
          url: new URL(response.url()).pathname,
          at,
          gzip: gzipSync(body, { level: 9 }).length,
          brotli: brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
          }).length,
          wire: encoded ? sizes.responseBodySize : null,
        };
      })(),
    );
  });
  await page.goto(`${url}/call-purposes`, { waitUntil: 'commit' });
  const visibleAt = await page.evaluate(() => window.__listVisibleAt);
  const visibleWall = Date.now() - origin;
  return { context, page, scripts, visibleAt, visibleWall };
}

async function bytesFor(browser: Browser, url: string, role: Role) {
  const state = await signedInState(browser, url, role);
  const { context, page, scripts, visibleWall } = await openList(browser, url, state, true);
  // Let whatever follows the list (the drag code, for writers) arrive.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const all = await Promise.all(scripts);
  await context.close();
  const before = all.filter((script) => script.at <= visibleWall);
  const sum = (list: Script[], key: 'gzip' | 'brotli') =>
    list.reduce((total, script) => total + script[key], 0) / 1000;
  const wire = all.every((script) => script.wire !== null)
    ? ` | on the wire ${(all.reduce((total, script) => total + (script.wire ?? 0), 0) / 1000).toFixed(1)} KB`
    : ' | served uncompressed';
  console.log(
    `  ${role.padEnd(8)} before list visible: ${sum(before, 'gzip').toFixed(1)} KB gzip, ` +
      `${sum(before, 'brotli').toFixed(1)} KB brotli (${before.length} files) | in total: ` +
      `${sum(all, 'gzip').toFixed(1)} KB gzip, ${sum(all, 'brotli').toFixed(1)} KB brotli${wire}`,
  );
  for (const script of all) {
    const when = script.at <= visibleWall ? 'before' : 'after ';
    console.log(
      `      ${when} ${script.url.padEnd(44)} ${(script.gzip / 1000).toFixed(1)} KB gzip`,
    );
  }
}

async function timeToVisible(browser: Browser, url: string, state: SignedInState) {
  const { context, visibleAt } = await openList(browser, url, state);
  await context.close();
  return visibleAt;
}

buildIfMissing();
const { app, api } = await startBenchServer(20, 'first-page');
const browser = await launchChromium();
try {
  console.log(
    `(machine load average at start: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`,
  );
  await seedUpTo(api, BYTES_SIZE, 'Bench purpose');
  console.log(`JavaScript fetched per role, from the network (${BYTES_SIZE} purposes):`);
  for (const role of ROLES) await bytesFor(browser, app.url, role);

  const state = await signedInState(browser, app.url, 'admin');
  console.log(`Navigation to list visible (admin, cold cache, median of ${RUNS}):`);
  let base = 0;
  for (const size of SIZES) {
    await seedUpTo(api, size, 'Bench purpose');
    await timeToVisible(browser, app.url, state); // warm the server up
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1)
      times.push(await timeToVisible(browser, app.url, state));
    const value = median(times);
    if (base === 0) base = value;
    console.log(
      `  ${String(size).padStart(5)} purposes: ${withRatio(value, base)}  ` +
        `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)} ms)`,
    );
  }
} finally {
  await browser.close();
  await app.stop();
}

// The longest main-thread task while a keyboard user drags one purpose across 20 positions in a
// 500-purpose list, in Chromium against the real app server and emulator (fresh DATA_DIR, the
// list seeded through the API). Long tasks come from PerformanceObserver('longtask'); each
// arrow key's latency is measured in the page, from the keydown to the screen-reader
// announcement of the new position. Figures only: nothing here asserts.
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startAppServer } from '../e2e/support/appServerProcess';
import { OutreachApi, tokenFor } from '../e2e/support/outreachApi';

const PORT = Number(process.env.BENCH_PORT_BASE ?? 4330);
const DATA_DIR = 'test-results/bench-data/drag-long-task';
const PURPOSES = 500;
const STEPS = 20;
const RUNS = 3;

type Timing = { longTasks: number[]; stepLatencies: number[]; dropToSaved: number };

declare global {
  interface Window {
    __bench: {
      longTasks: { start: number; duration: number }[];
      keyAt: number[];
      saidAt: number[];
    };
  }
}

// Plain source rather than a function: tsx would wrap named functions in a helper the page lacks.
const RECORDER = `
  window.__bench = { longTasks: [], keyAt: [], saidAt: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('keydown', () => window.__bench.keyAt.push(performance.now()), true);
  const watchLiveRegion = () => {
    const region = document.querySelector('[id^="DndLiveRegion"]');
    if (!region) return void setTimeout(watchLiveRegion, 100);
    new MutationObserver(() => window.__bench.saidAt.push(performance.now())).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  };
  document.addEventListener('DOMContentLoaded', watchLiveRegion);
`;

async function seed(api: OutreachApi): Promise<void> {
  const existing = (await api.list()).length;
  const names = Array.from(
    { length: PURPOSES - existing },
    (_, index) => `Purpose ${String(index + 1).padStart(3, '0')}`,
  );
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < names.length) {
        const name = names[next] as string;
        next += 1;
        await api.create(name);
      }
    }),
  );
}

async function signInAsAdmin(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/call-purposes`);
  await page.getByRole('button', { name: 'Sign in with Outreach' }).click();
  await page.getByLabel('Alex Morgan (admin)').check();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL(`${url}/call-purposes`);
  await page
    .getByRole('rowheader')
    .nth(PURPOSES - 1)
    .waitFor();
}

async function dragAcross(page: Page, position: number): Promise<Timing> {
  const name = await page
    .getByRole('rowheader')
    .nth(position - 1)
    .textContent();
  const handle = page.getByRole('button', { name: `Reorder ${name}`, exact: true });
  const live = page.locator('[id^="DndLiveRegion"]');
  await handle.scrollIntoViewIfNeeded();
  await handle.focus();
  await page.waitForTimeout(300);
  const start = await page.evaluate(() => {
    window.__bench.keyAt = [];
    window.__bench.saidAt = [];
    return performance.now();
  });

  await page.keyboard.press('Space');
  await page.waitForFunction(
    (label) =>
      document.querySelector(`[aria-label="${label}"]`)?.getAttribute('aria-pressed') === 'true',
    `Reorder ${name}`,
  );
  for (let step = 1; step <= STEPS; step += 1) {
    await page.keyboard.press('ArrowDown');
    await live.filter({ hasText: `position ${position + step} of ${PURPOSES}.` }).waitFor();
  }
  const droppedAt = await page.evaluate(() => performance.now());
  await page.keyboard.press('Space');
  await live.filter({ hasText: 'dropped at' }).waitFor();
  await page.getByText('Saving order…').waitFor({ state: 'hidden' });
  const end = await page.evaluate(() => performance.now());

  return page.evaluate(
    ({ start, end, droppedAt }) => {
      const { longTasks, keyAt, saidAt } = window.__bench;
      // keyAt[0] is the pick-up; the arrows follow, each answered by one announcement.
      const stepLatencies = keyAt.slice(1, saidAt.length).map((at, index) => {
        const said = saidAt[index + 1] ?? at;
        return said - at;
      });
      return {
        longTasks: longTasks
          .filter((task) => task.start >= start && task.start <= end)
          .map((task) => task.duration),
        stepLatencies,
        dropToSaved: end - droppedAt,
      };
    },
    { start, end, droppedAt },
  );
}

function describe(values: number[]): string {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${pick(0.5)?.toFixed(1)} ms, p90 ${pick(0.9)?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const app = await startAppServer({ port: PORT, dataDir: DATA_DIR });
  const browser = await chromium.launch({
    executablePath:
      process.env.CHROMIUM_PATH ??
      (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  });
  try {
    await seed(new OutreachApi(`${app.url}/emulator/api/v2`, tokenFor('admin', DATA_DIR)));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript({ content: RECORDER });
    await signInAsAdmin(page, app.url);

    const runs: Timing[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await dragAcross(page, 100 + run * 100));

    console.log(
      `Keyboard drag across ${STEPS} positions in a ${PURPOSES}-purpose list (Chromium, ${RUNS} runs):`,
    );
    runs.forEach((timing, index) => {
      const longest = Math.max(0, ...timing.longTasks);
      console.log(
        `run ${index + 1}: longest main-thread task ${timing.longTasks.length ? `${longest.toFixed(0)} ms` : 'none over 50 ms'} ` +
          `(${timing.longTasks.length} long tasks, ${timing.longTasks
            .reduce((sum, duration) => sum + Math.max(0, duration - 50), 0)
            .toFixed(
              0,
            )} ms blocking) | arrow key to announcement: ${describe(timing.stepLatencies)} | ` +
          `drop to saved and refetched: ${timing.dropToSaved.toFixed(0)} ms`,
      );
    });
    const longest = runs.map((timing) => Math.max(0, ...timing.longTasks)).sort((a, b) => a - b);
    console.log(
      `longest main-thread task, median of runs: ${longest[Math.floor(RUNS / 2)]?.toFixed(0)} ms (0 = none over 50 ms)`,
    );
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();

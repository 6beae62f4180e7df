// A keyboard drag in Chromium, 20 purposes against 2,000, against the real app server and
// emulator (fresh DATA_DIR, the list seeded through the API), signed in as the admin. For each
// size: arrow key → announcement latency (keydown to the live region's change, measured in the
// page), median and p90; the longest main-thread task (PerformanceObserver 'longtask', 0 = none
// over 50 ms) separately for the pick-up, the moves and the drop itself; then, on its own line,
// the drop's save and refetch. Each figure beside its ratio to the 20-purpose list. Median of
// several drags. Figures only: nothing here asserts.
import type { Page } from '@playwright/test';
import {
  buildIfMissing,
  launchChromium,
  median,
  quantile,
  signInPage,
  startBenchServer,
  withRatio,
} from './support/browserBench';
import { seedUpTo } from '../e2e/support/seedPurposes';

const SIZES = [20, 2000];
const STEPS = 15;
const DRAGS = Number(process.env.BENCH_DRAGS ?? 5);

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
    const region = document.getElementById('reorder-announcements');
    if (!region) return void setTimeout(watchLiveRegion, 50);
    new MutationObserver(() => window.__bench.saidAt.push(performance.now())).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  };
  document.addEventListener('DOMContentLoaded', watchLiveRegion);
`;

type Drag = {
  latencies: number[];
  pickUpTask: number;
  movesTask: number;
  dropTask: number;
  saveTask: number;
  dropToSaved: number;
};

const now = (page: Page) => page.evaluate(() => performance.now());
const longestBetween = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([from, to]) =>
      Math.max(
        0,
        ...window.__bench.longTasks
          .filter((task) => task.start >= from && task.start <= to)
          .map((task) => task.duration),
      ),
    [from, to] as const,
  );

async function dragOnce(page: Page, startIndex: number, total: number): Promise<Drag> {
  const name = (await page.getByRole('rowheader').nth(startIndex).textContent()) ?? '';
  const handle = page.getByRole('button', { name: `Reorder ${name}`, exact: true });
  const live = page.locator('#reorder-announcements');
  await handle.focus();
  await page.evaluate(() => {
    window.__bench.keyAt = [];
    window.__bench.saidAt = [];
  });
  const t0 = await now(page);
  await page.keyboard.press('Space');
  await handle.and(page.locator('[aria-pressed="true"]')).waitFor();
  await live.filter({ hasText: 'Picked up' }).waitFor();
  const t1 = await now(page);
  for (let step = 1; step <= STEPS; step += 1) {
    await page.keyboard.press('ArrowDown');
    await live.filter({ hasText: `position ${startIndex + 1 + step} of ${total}.` }).waitFor();
  }
  const t2 = await now(page);
  await page.keyboard.press('Space');
  await live.filter({ hasText: 'dropped at' }).waitFor();
  const t3 = await now(page);
  await page.getByText('Saving order…').waitFor({ state: 'hidden' });
  await page.waitForLoadState('networkidle');
  const t4 = await now(page);
  const latencies = await page.evaluate((steps) => {
    const { keyAt, saidAt } = window.__bench;
    // keyAt[0] is the pick-up, answered by saidAt[0]; each arrow then by the next change.
    return keyAt.slice(1, 1 + steps).map((at, index) => (saidAt[index + 1] ?? at) - at);
  }, STEPS);
  return {
    latencies,
    pickUpTask: await longestBetween(page, t0, t1),
    movesTask: await longestBetween(page, t1, t2),
    dropTask: await longestBetween(page, t2, t3),
    saveTask: await longestBetween(page, t3, t4),
    dropToSaved: t4 - t3,
  };
}

async function measure(total: number, offset: number) {
  const { app, api } = await startBenchServer(offset, `keyboard-drag-${total}`);
  const browser = await launchChromium();
  try {
    await seedUpTo(api, total, 'Bench purpose');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript({ content: RECORDER });
    await signInPage(page, app.url, 'admin');
    await page
      .getByRole('button', { name: /^Reorder / })
      .first()
      .waitFor();
    const drags: Drag[] = [];
    for (let run = 0; run < DRAGS; run += 1) drags.push(await dragOnce(page, 2 + (run % 3), total));
    const all = drags.flatMap((drag) => drag.latencies);
    const pick = (key: keyof Omit<Drag, 'latencies'>) => median(drags.map((drag) => drag[key]));
    return {
      median: median(all),
      p90: quantile(all, 0.9),
      pickUpTask: pick('pickUpTask'),
      movesTask: pick('movesTask'),
      dropTask: pick('dropTask'),
      saveTask: pick('saveTask'),
      dropToSaved: pick('dropToSaved'),
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}

buildIfMissing();
const results = [];
for (const [index, size] of SIZES.entries()) results.push(await measure(size, 10 + index));
const [small, large] = results as [
  Awaited<ReturnType<typeof measure>>,
  Awaited<ReturnType<typeof measure>>,
];
console.log(
  `Keyboard drag, ${STEPS} arrow keys, median of ${DRAGS} drags (Chromium, admin); ` +
    `longest task 0 = none over 50 ms; ratio to ${SIZES[0]} purposes:`,
);
const line = (label: string, key: keyof typeof small) =>
  console.log(
    `  ${label.padEnd(38)} ${String(SIZES[0]).padStart(5)}: ${small[key].toFixed(1).padStart(7)} ms` +
      `   ${SIZES[1]}: ${withRatio(large[key], small[key], 'ms', 1)}`,
  );
line('arrow → announcement, median', 'median');
line('arrow → announcement, p90', 'p90');
line('longest task, pick-up', 'pickUpTask');
line('longest task, moves', 'movesTask');
line('longest task, drop', 'dropTask');
line('longest task, save + refetch', 'saveTask');
line('drop → saved and refetched', 'dropToSaved');

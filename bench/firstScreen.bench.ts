// A cold navigation to the list, step by step (issue 18), in Chromium against the real app server
// and emulator (fresh DATA_DIR, purposes seeded through the API), admin, cold HTTP cache, for
// 50, 1,000 and 2,000 purposes, median of BENCH_RUNS (7) runs. For each step, when it starts and
// ends relative to navigation:
// - the main script (index.html's entry chunk), the session (`/auth/session`) and the list's
//   first page (the first `/api/v2/callPurposes` request), from the browser's resource timing;
// - the longest main-thread task from the first page's answer to the 5th purpose on screen, from
//   a Chromium performance trace (every task, not only those over 50 ms);
// - the 5th purpose on screen: the first animation frame where its row is laid out.
// Figures only: nothing here asserts. Run it on an idle machine; under load the times are noise.
import type { Browser } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { seedUpTo } from '../e2e/support/seedPurposes';
import {
  buildIfMissing,
  launchChromium,
  median,
  signedInState,
  startBenchServer,
  type SignedInState,
} from './support/browserBench';

const SIZES = (process.env.BENCH_SIZES ?? '50,1000,2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

// Page-side: the frame where the 5th purpose's row (aria-rowindex 6: the header is row 1) is laid
// out, in performance.now() terms.
const FIFTH_ON_SCREEN = `
  window.__fifthOnScreenAt = new Promise((resolve) => {
    const check = () => {
      const row = document.querySelector('table tbody tr[aria-rowindex="6"]');
      if (row && row.getBoundingClientRect().height > 0) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
`;

declare global {
  interface Window {
    __fifthOnScreenAt: Promise<number>;
  }
}

type Span = { start: number; end: number };
type Steps = { main: Span; session: Span; firstPage: Span; longestTask: Span; fifth: number };
type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { documentLoaderURL?: string; isLoadingMainFrame?: boolean } };
};

/**
 * Every task on the main thread of the renderer that loaded `path`, in ms since its navigation
 * started (the trace's `navigationStart` for that document, on that thread).
 */
function rendererTasks(trace: Buffer, path: string): Span[] {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const navigation = traceEvents.find(
    (event) =>
      event.name === 'navigationStart' &&
      (event.args?.data?.documentLoaderURL ?? '').includes(path) &&
      event.args?.data?.isLoadingMainFrame === true,
  );
  if (navigation === undefined) return [];
  return traceEvents
    .filter((event) => event.name === 'RunTask' && event.ph === 'X')
    .filter((event) => event.pid === navigation.pid && event.tid === navigation.tid)
    .map((event) => ({
      start: (event.ts - navigation.ts) / 1000,
      end: (event.ts + (event.dur ?? 0) - navigation.ts) / 1000,
    }));
}

async function navigate(browser: Browser, url: string, state: SignedInState): Promise<Steps> {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.addInitScript({ content: FIFTH_ON_SCREEN });
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink.user_timing',
      'toplevel',
    ],
  });
  await page.goto(`${url}/call-purposes`, { waitUntil: 'commit' });
  const fifth = await page.evaluate(() => window.__fifthOnScreenAt);
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      path: new URL(entry.name).pathname,
      type: (entry as PerformanceResourceTiming).initiatorType,
      start: entry.startTime,
      end: (entry as PerformanceResourceTiming).responseEnd,
    })),
  );
  const tasks = rendererTasks(await browser.stopTracing(), '/call-purposes');
  await context.close();

  const span = (test: (path: string) => boolean): Span => {
    const found = resources.find((entry) => test(entry.path));
    return found ? { start: found.start, end: found.end } : { start: NaN, end: NaN };
  };
  const firstPage = span((path) => path === '/api/v2/callPurposes');
  const afterData = tasks.filter((task) => task.end > firstPage.end && task.start < fifth);
  const length = (task: Span) => task.end - task.start;
  const longestTask = afterData.reduce<Span>(
    (longest, task) =>
      Number.isNaN(longest.start) || length(task) > length(longest) ? task : longest,
    { start: NaN, end: NaN },
  );
  return {
    main: span((path) => /^\/assets\/index-[^/]+\.js$/.test(path)),
    session: span((path) => path === '/auth/session'),
    firstPage,
    longestTask,
    fifth,
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '  —' : value.toFixed(0).padStart(4));
const medianSpan = (spans: Span[]): Span => ({
  start: median(spans.map((span) => span.start)),
  end: median(spans.map((span) => span.end)),
});
const showSpan = (span: Span) => `${ms(span.start)}–${ms(span.end)} ms`;

buildIfMissing();
const { app, api } = await startBenchServer(22, 'first-screen');
const browser = await launchChromium();
try {
  console.log(
    `(machine load average at start: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`,
  );
  const state = await signedInState(browser, app.url, 'admin');
  console.log(`A cold navigation to the list, admin, median of ${RUNS} (ms from navigation):`);
  console.log(
    '  purposes   main script      session          first page       longest task after the data   5th purpose',
  );
  for (const size of SIZES) {
    await seedUpTo(api, size, 'Bench purpose');
    await navigate(browser, app.url, state); // warm the server up
    const runs: Steps[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await navigate(browser, app.url, state));
    const longest = medianSpan(runs.map((run) => run.longestTask));
    const longestMs = median(runs.map((run) => run.longestTask.end - run.longestTask.start));
    console.log(
      `  ${String(size).padStart(8)}   ${showSpan(medianSpan(runs.map((run) => run.main)))}   ` +
        `${showSpan(medianSpan(runs.map((run) => run.session)))}   ` +
        `${showSpan(medianSpan(runs.map((run) => run.firstPage)))}   ` +
        `${showSpan(longest)} (${ms(longestMs)} ms long)   ` +
        `${ms(median(runs.map((run) => run.fifth)))} ms`,
    );
  }
} finally {
  await browser.close();
  await app.stop();
}

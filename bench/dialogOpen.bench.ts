// How long each writer's dialog takes from the click to fully shown (open, laid out, its entrance
// animation finished), the first time after the list is idle and the second time, as admin in
// Chromium against the real app server and emulator. Figures only: nothing here asserts.
import type { Page } from '@playwright/test';
import { loadavg } from 'node:os';
import {
  buildIfMissing,
  launchChromium,
  median,
  signedInState,
  startBenchServer,
} from './support/browserBench';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

type Opening = {
  name: string;
  open: (page: Page) => Promise<void>;
  close: (page: Page) => Promise<void>;
};

const escape = async (page: Page) => {
  await page.keyboard.press('Escape');
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
};

const OPENINGS: Opening[] = [
  {
    name: 'New',
    open: (page) => page.getByRole('button', { name: 'New call purpose' }).click(),
    close: escape,
  },
  {
    name: 'Edit',
    open: (page) => page.getByRole('button', { name: 'Edit Demo' }).click(),
    close: escape,
  },
  {
    name: 'Delete',
    open: (page) => page.getByRole('button', { name: 'Delete Demo' }).click(),
    close: escape,
  },
  {
    name: 'Add several',
    open: (page) => page.getByRole('button', { name: 'Add several' }).click(),
    close: escape,
  },
];

// Page-side: from the click to the first frame where an open <dialog> shows a focused control
// and none of its animations is still running.
const MEASURE = `
  window.__dialogShown = () => new Promise((resolve) => {
    let clickedAt = null;
    addEventListener('click', () => { clickedAt ??= performance.now(); }, { capture: true, once: true });
    const check = () => {
      const dialog = document.querySelector('dialog[open]');
      const settled = dialog && dialog.contains(document.activeElement) &&
        dialog.getAnimations({ subtree: true }).every((a) => a.playState === 'finished');
      if (clickedAt !== null && settled) resolve(performance.now() - clickedAt);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
`;

declare global {
  interface Window {
    __dialogShown: () => Promise<number>;
  }
}

async function main() {
  buildIfMissing();
  const { app } = await startBenchServer(20, 'dialog-open');
  const browser = await launchChromium();
  try {
    const state = await signedInState(browser, app.url, 'admin');
    const figures = new Map<string, { first: number[]; second: number[] }>();
    for (let run = 0; run < RUNS; run += 1) {
      for (const opening of OPENINGS) {
        const context = await browser.newContext({ storageState: state });
        const page = await context.newPage();
        await page.addInitScript({ content: MEASURE });
        await page.goto(`${app.url}/call-purposes`);
        await page.getByRole('table').waitFor();
        // "Once the list is idle": give the browser its idle period before the first click.
        await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
        const times = figures.get(opening.name) ?? { first: [], second: [] };
        for (const which of ['first', 'second'] as const) {
          const shown = page.evaluate(() => window.__dialogShown());
          await opening.open(page);
          times[which].push(await shown);
          await opening.close(page);
        }
        figures.set(opening.name, times);
        await context.close();
      }
    }
    console.log(
      `click → dialog fully shown, admin, median of ${RUNS} (load ${loadavg()[0]?.toFixed(1)})`,
    );
    for (const [name, { first, second }] of figures) {
      console.log(
        `  ${name.padEnd(12)} first ${median(first).toFixed(0)} ms, second ${median(second).toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();

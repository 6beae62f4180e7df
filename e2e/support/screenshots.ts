import { mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

const SCREENSHOT_DIR = 'test-results/screenshots';

/** Saves a screenshot under test-results/screenshots and attaches it to the test's report. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

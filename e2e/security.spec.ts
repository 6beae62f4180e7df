// The app under its Content-Security-Policy in Chromium: sign-in, the emulator's consent page,
// the list and the edit dialog run without a single violation; the sign-in page shows only
// sentences it knows; and sign-in never ends on another site, whatever returnTo says.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';
import { E2E_APP_URL } from './support/servers';
import { approveOnConsentPage, USERS } from './support/signIn';

/** Every CSP violation Chromium reports, from the console and from the DOM event alike. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('sign-in, consent, list and edit dialog run under the CSP without a violation', async ({
  page,
}) => {
  const violations = watchViolations(page);
  const documents: Record<string, string> = {};
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') {
      documents[new URL(response.url()).pathname] =
        response.headers()['content-security-policy'] ?? '';
    }
  });

  await page.goto('/call-purposes');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await page.getByRole('button', { name: 'Sign in with Outreach' }).click();
  await expect(
    page.getByRole('heading', { name: 'Sign in to the Outreach emulator' }),
  ).toBeVisible();
  await page.getByLabel(USERS.admin.consentLabel).check();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('banner').getByText(USERS.admin.name)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Demo' })).toBeVisible();

  await page.getByRole('button', { name: 'Edit Demo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit “Demo”' });
  await expect(dialog.getByLabel('Name')).toHaveValue('Demo');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Each page came with a policy that forbids framing and inline script…
  expect(Object.keys(documents)).toEqual(
    expect.arrayContaining(['/call-purposes', '/emulator/oauth/authorize']),
  );
  for (const [path, policy] of Object.entries(documents)) {
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).not.toContain('unsafe-inline');
  }
  expect(violations).toEqual([]);

  // …and the watch above does see a violation when there is one: inline script is refused.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "ran"';
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
});

test.describe('the sign-in page shows only messages it knows', () => {
  const GENERIC = 'Sign-in did not complete. Please try again.';

  for (const error of ['__proto__', 'constructor', 'toString', '<b>Your account is locked</b>']) {
    test(`error=${error} gets the one generic sentence`, async ({ page }, testInfo) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await page.goto(`/sign-in?error=${encodeURIComponent(error)}`);
      await expect(page.getByRole('button', { name: 'Sign in with Outreach' })).toBeVisible();
      await expect(page.getByText(GENERIC)).toBeVisible();
      await expect(page.getByText(error, { exact: false })).toHaveCount(0);
      expect(errors).toEqual([]);
      if (error === '__proto__') await saveScreenshot(page, testInfo, 'sign-in-unknown-error');
    });
  }

  test('a known code gets its own sentence', async ({ page }) => {
    await page.goto('/sign-in?error=access_denied');
    await expect(
      page.getByText('Sign-in was cancelled in Outreach. You can try again.'),
    ).toBeVisible();
  });
});

test.describe('sign-in never ends on another site', () => {
  for (const returnTo of ['/.//evil.example/x', '/%2e%2e//evil.example/x', '/%5cevil.example']) {
    test(`returnTo=${returnTo} through the sign-in page ends on the list`, async ({ page }) => {
      await page.goto(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      await approveOnConsentPage(page, 'manager');
      await expect(page).toHaveURL(`${E2E_APP_URL}/call-purposes`);
      await expect(page.getByRole('banner').getByText(USERS.manager.name)).toBeVisible();
    });

    test(`returnTo=${returnTo} straight to /auth/login ends on the list`, async ({ page }) => {
      await page.goto(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      await page.getByLabel(USERS.manager.consentLabel).check();
      await page.getByRole('button', { name: 'Approve' }).click();
      await expect(page).toHaveURL(`${E2E_APP_URL}/call-purposes`);
    });
  }
});

import { expect, type Page } from '@playwright/test';

export type Role = 'admin' | 'manager' | 'agent';

export const USERS: Record<Role, { name: string; email: string; consentLabel: string }> = {
  admin: {
    name: 'Alex Morgan',
    email: 'alex.morgan@example.com',
    consentLabel: 'Alex Morgan (admin)',
  },
  manager: {
    name: 'Maria Chen',
    email: 'maria.chen@example.com',
    consentLabel: 'Maria Chen (manager)',
  },
  agent: { name: 'Sam Patel', email: 'sam.patel@example.com', consentLabel: 'Sam Patel (agent)' },
};

/** From the SPA's sign-in page through the emulator's consent page, and back. */
export async function approveOnConsentPage(page: Page, role: Role): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with Outreach' }).click();
  await page.getByLabel(USERS[role].consentLabel).check();
  await page.getByRole('button', { name: 'Approve' }).click();
}

/**
 * Opens `path` (on `appUrl`, default the config's baseURL), which sends a signed-out visitor to
 * sign in; signs in as `role` on the consent page; waits to be back on `path`.
 */
export async function signIn(
  page: Page,
  role: Role,
  path = '/call-purposes',
  appUrl = '',
): Promise<void> {
  await page.goto(appUrl + path);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await approveOnConsentPage(page, role);
  await expect(page).toHaveURL((url) => url.pathname + url.search === path);
  await expect(page.getByRole('banner').getByText(USERS[role].name)).toBeVisible();
}

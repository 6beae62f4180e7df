import { expect, type Page } from '@playwright/test';
import { SEEDED_USERS, type SeededUser } from '../../server/emulator/seed';

export type Role = SeededUser['role'];

function seededUser(role: Role) {
  const user = SEEDED_USERS.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no seeded ${role}`);
  const name = `${user.firstName} ${user.lastName}`;
  return { id: user.id, name, email: user.email, consentLabel: `${name} (${role})` };
}

/** The emulator's seeded users, as the consent page and the header show them. */
export const USERS = {
  admin: seededUser('admin'),
  manager: seededUser('manager'),
  agent: seededUser('agent'),
};

export type ConsentChoices = {
  /** Requested scopes to untick on the consent page, e.g. `['calls.read']`. */
  withhold?: readonly string[];
};

/** From the SPA's sign-in page through the emulator's consent page, and back. */
export async function approveOnConsentPage(
  page: Page,
  role: Role,
  choices: ConsentChoices = {},
): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with Outreach' }).click();
  for (const scope of choices.withhold ?? []) {
    await page.getByRole('checkbox', { name: scope, exact: true }).uncheck();
  }
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
  choices: ConsentChoices = {},
): Promise<void> {
  await page.goto(appUrl + path);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await approveOnConsentPage(page, role, choices);
  await expect(page).toHaveURL((url) => url.pathname + url.search === path);
  await expect(page.getByRole('banner').getByText(USERS[role].name)).toBeVisible();
}

// Each role sees exactly the controls the server would honour, row by row.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';
import { signIn, USERS } from './support/signIn';
import { SEEDED_PURPOSES } from '../shared/seededPurposes';

const SEEDED = SEEDED_PURPOSES.map((purpose) => purpose.name);
const LOCKED = SEEDED_PURPOSES.filter((purpose) => purpose.locked).map((purpose) => purpose.name);
const BY_MANAGER = SEEDED_PURPOSES.filter((purpose) => purpose.creatorId === USERS.manager.id).map(
  (purpose) => purpose.name,
);

/**
 * Checks every seeded row, then the totals: rows other tests created (as the admin) may be on
 * the list too, and `others` says what this role may do with those.
 */
async function expectRowControls(
  page: Page,
  editable: string[],
  deletable: string[],
  others: { edit: boolean; delete: boolean },
) {
  for (const name of SEEDED) {
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row.getByRole('button', { name: `Edit ${name}` })).toHaveCount(
      editable.includes(name) ? 1 : 0,
    );
    await expect(row.getByRole('button', { name: `Delete ${name}` })).toHaveCount(
      deletable.includes(name) ? 1 : 0,
    );
  }
  const otherRows = (await page.getByRole('rowheader').count()) - SEEDED.length;
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(
    editable.length + (others.edit ? otherRows : 0),
  );
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(
    deletable.length + (others.delete ? otherRows : 0),
  );
}

async function expectSeededList(page: Page) {
  const names = page.getByRole('rowheader');
  await expect(names.first()).toBeVisible();
  const shown = await names.allTextContents();
  expect(shown.filter((name) => SEEDED.includes(name))).toEqual(SEEDED);
}

test('an admin may create, edit and delete everything', async ({ page }, testInfo) => {
  await signIn(page, 'admin');
  await expectSeededList(page);
  await expect(page.getByRole('button', { name: 'New call purpose' })).toBeVisible();
  await expect(page.getByText(/view-only access/)).toHaveCount(0);
  await expectRowControls(page, SEEDED, SEEDED, { edit: true, delete: true });
  await saveScreenshot(page, testInfo, 'list-admin');
});

test('a manager may edit all but locked purposes and delete only their own', async ({
  page,
}, testInfo) => {
  await signIn(page, 'manager');
  await expectSeededList(page);
  await expect(page.getByRole('button', { name: 'New call purpose' })).toBeVisible();
  const editable = SEEDED.filter((name) => !LOCKED.includes(name));
  await expectRowControls(page, editable, BY_MANAGER, { edit: true, delete: false });
  await saveScreenshot(page, testInfo, 'list-manager');
});

test('an agent sees a read-only list and is told so', async ({ page }, testInfo) => {
  await signIn(page, 'agent');
  await expectSeededList(page);
  await expect(page.getByText(/view-only access/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New call purpose' })).toHaveCount(0);
  await expectRowControls(page, [], [], { edit: false, delete: false });
  // The only buttons on the page are the session's own.
  // Exporting the list changes nothing, so read-only users have it too.
  await expect(page.getByRole('button')).toHaveText(['Sign out', 'Export CSV']);
  await saveScreenshot(page, testInfo, 'list-agent');
});

test('the signed-in user is named and can sign out', async ({ page }) => {
  await signIn(page, 'manager');
  await expect(page.getByRole('banner')).toContainText('Maria Chen');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/call-purposes');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fcall-purposes$/);
});

test('the search box filters by name as you type', async ({ page }) => {
  await signIn(page, 'agent');
  await page.getByLabel('Search call purposes').fill('dis');
  await expect(page.getByRole('rowheader')).toHaveText(['Discovery Call', 'Pricing Discussion']);
  await page.getByLabel('Search call purposes').fill('no such purpose');
  await expect(page.getByText('No call purpose matches “no such purpose”.')).toBeVisible();
  await page.getByLabel('Search call purposes').fill('');
  await expectSeededList(page);
});

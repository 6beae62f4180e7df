// A manager sees why a row is fixed: a lock mark on exactly the rows whose meta.canWrite is
// false, described in words; admins (who may change everything) and agents (nothing) see none.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { OutreachApi } from './support/outreachApi';
import { saveScreenshot } from './support/screenshots';
import { signIn } from './support/signIn';

type Meta = {
  id: number;
  attributes: { name: string };
  meta: { canWrite: boolean; canDelete: boolean };
};

async function metaOf(api: OutreachApi): Promise<Meta[]> {
  const response = await api.request(
    '/callPurposes?provideAuthorizationMeta=true&page%5Bsize%5D=1000',
  );
  return ((await response.json()) as { data: Meta[] }).data;
}

function rowOf(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test('a manager sees the lock mark on exactly the rows whose canWrite is false', async ({
  page,
  apiAs,
}, testInfo) => {
  const purposes = await metaOf(apiAs('manager'));
  const fixed = purposes.filter((purpose) => !purpose.meta.canWrite);
  expect(fixed.length).toBeGreaterThan(0);
  await signIn(page, 'manager');
  await expect(page.getByRole('rowheader').first()).toBeVisible();
  for (const purpose of purposes) {
    const mark = rowOf(page, purpose.attributes.name).getByRole('img', { name: 'Locked' });
    if (purpose.meta.canWrite) {
      await expect(mark, purpose.attributes.name).toHaveCount(0);
    } else {
      await expect(mark, purpose.attributes.name).toHaveAccessibleDescription(
        purpose.meta.canDelete
          ? "You can't change this purpose"
          : "You can't change or delete this purpose",
      );
    }
  }
  await expect(page.getByRole('img', { name: 'Locked' })).toHaveCount(fixed.length);
  await saveScreenshot(page, testInfo, 'lock-mark');
});

for (const role of ['admin', 'agent'] as const) {
  test(`${role === 'admin' ? 'an admin' : 'an agent'} sees no lock mark`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole('rowheader').first()).toBeVisible();
    await expect(page.getByRole('img', { name: 'Locked' })).toHaveCount(0);
  });
}

// Export CSV: the file parses back to exactly the list the API holds, in display order, with
// formula-looking names neutralized; read-only users may export too.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
// Read with another parser than the app's (papaparse), so the file is checked, not the round trip.
import { parse } from 'csv-parse/sync';
import { SEEDED_USERS } from '../server/emulator/seed';
import { OutreachApi, tokenFor } from './support/outreachApi';
import { E2E_APP_URL, E2E_DATA_DIR } from './support/servers';
import { signIn } from './support/signIn';

type Listed = {
  id: number;
  attributes: { name: string; order: number | null; createdAt: string; updatedAt: string };
  relationships: { creator: { data: { id: number } | null } };
};

test('an agent exports the list; the CSV reads back to exactly what the API holds', async ({
  page,
}) => {
  const api = new OutreachApi(`${E2E_APP_URL}/emulator/api/v2`, tokenFor('admin', E2E_DATA_DIR));
  const tag = Date.now();
  const created: number[] = [];
  for (const name of [
    `=1+2 ${tag}`,
    `+Upsell ${tag}`,
    `-Minus ${tag}`,
    `@Mention ${tag}`,
    `Say "hi", ${tag}`,
  ]) {
    created.push((await api.create(name)).id);
  }

  await signIn(page, 'agent');
  await expect(page.getByRole('rowheader', { name: `@Mention ${tag}` })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const today = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  expect(download.suggestedFilename()).toBe(
    `call-purposes-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.csv`,
  );
  const rows: string[][] = parse(readFileSync(await download.path(), 'utf8'), { bom: true });

  const response = await api.request('/callPurposes?sort=order,id&page%5Bsize%5D=1000');
  const listed = ((await response.json()) as { data: Listed[] }).data;
  const creator = (id: number | undefined) => {
    const user = SEEDED_USERS.find((candidate) => candidate.id === id);
    return user ? `${user.firstName} ${user.lastName}` : '';
  };
  const spreadsheetSafe = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
  expect(rows).toEqual([
    ['position', 'name', 'order', 'created by', 'created at', 'updated at'],
    ...listed.map((purpose, index) => [
      String(index + 1),
      spreadsheetSafe(purpose.attributes.name),
      purpose.attributes.order === null ? '' : String(purpose.attributes.order),
      creator(purpose.relationships.creator.data?.id),
      purpose.attributes.createdAt,
      purpose.attributes.updatedAt,
    ]),
  ]);
  expect(rows.some((row) => row[1] === `'=1+2 ${tag}`)).toBe(true);
  // Other specs count and search the rows on the list: leave it as it was.
  for (const id of created) await api.request(`/callPurposes/${id}`, { method: 'DELETE' });
});

// The setup specs share, as Playwright fixtures: the emulator behind the app under test (as an
// admin, or as any role with any scope), and a page whose requests are tracked from the start,
// so a test can wait for the network to settle (`settledNetwork`) instead of `networkidle`.
import { test as base } from '@playwright/test';
import { appUnderTest } from './appUnderTest';
import { OutreachApi, tokenFor } from './outreachApi';
import { trackRequests } from './requestsInFlight';
import type { Role } from './signIn';

type Fixtures = {
  /** The emulator's API as the seeded admin. */
  adminApi: OutreachApi;
  /** The emulator's API as `role`, with `scope` when given (else the token CLI's default). */
  apiAs: (role: Role, scope?: string) => OutreachApi;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from its pattern
  apiAs: async ({}, use) => {
    const { url, dataDir } = appUnderTest();
    await use(
      (role, scope) =>
        new OutreachApi(
          `${url}/emulator/api/v2`,
          tokenFor(role, dataDir, scope === undefined ? {} : { scope }),
        ),
    );
  },
  adminApi: async ({ apiAs }, use) => {
    await use(apiAs('admin'));
  },
  page: async ({ page }, use) => {
    trackRequests(page);
    await use(page);
  },
});

export { expect } from '@playwright/test';

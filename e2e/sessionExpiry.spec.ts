// When the session ends (here: access tokens of 2 s, refresh tokens of 5 s, left idle until the
// emulator refuses them), the next request sends the user to sign in, and signing in brings them
// back to the same page.
import { expect, test } from '@playwright/test';
import { waitForTokensIssuedSoFarToExpire } from './support/outreachApi';
import {
  SHORT_REFRESH_TOKEN_TTL_SECONDS,
  SHORT_SESSION_APP_URL,
  SHORT_SESSION_DATA_DIR,
} from './support/servers';
import { approveOnConsentPage, signIn } from './support/signIn';

/** Idle until the session's refresh token, issued before this call, has expired. */
function outliveTheRefreshToken(): Promise<void> {
  return waitForTokensIssuedSoFarToExpire(
    `${SHORT_SESSION_APP_URL}/emulator/api/v2`,
    SHORT_SESSION_DATA_DIR,
    SHORT_REFRESH_TOKEN_TTL_SECONDS,
  );
}

test('an expired session goes to sign-in and back to the same page', async ({ page }) => {
  await signIn(page, 'manager', '/call-purposes/4/edit', SHORT_SESSION_APP_URL);
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveValue('Demo');

  await outliveTheRefreshToken();
  await page.reload();

  await expect(page).toHaveURL(
    `${SHORT_SESSION_APP_URL}/sign-in?returnTo=${encodeURIComponent('/call-purposes/4/edit')}`,
  );
  await expect(page.getByText('Please sign in to continue.')).toBeVisible();
  await approveOnConsentPage(page, 'manager');
  await expect(page).toHaveURL(`${SHORT_SESSION_APP_URL}/call-purposes/4/edit`);
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveValue('Demo');
});

test('a request failing with 401 mid-session leads to sign-in and back', async ({ page }) => {
  await signIn(page, 'admin', '/call-purposes?from=test', SHORT_SESSION_APP_URL);
  await expect(page.getByRole('rowheader', { name: 'Demo' })).toBeVisible();
  await outliveTheRefreshToken();

  // No reload: the next action's request is the one that finds the session over. Opening the
  // delete dialog counts the logged calls that use Demo, and that request gets the 401.
  await page.getByRole('button', { name: 'Delete Demo' }).click();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fcall-purposes%3Ffrom%3Dtest$/);
  await approveOnConsentPage(page, 'admin');
  await expect(page).toHaveURL(`${SHORT_SESSION_APP_URL}/call-purposes?from=test`);
  // The delete never happened: the purpose is still there.
  await expect(page.getByRole('rowheader', { name: 'Demo' })).toBeVisible();
});

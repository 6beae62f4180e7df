// When the session ends (its refresh token outlived: the server's clock is moved past it), the
// next request sends the user to sign in, and signing in brings them back to the same page.
import { expect, test } from './support/fixtures';
import { moveEmulatorClock } from './support/outreachApi';
import { SHORT_REFRESH_TOKEN_TTL_SECONDS, SHORT_SESSION_APP_URL } from './support/servers';
import { approveOnConsentPage, signIn } from './support/signIn';

/** Moves the app server's and its emulator's one clock past the session's refresh token. */
function outliveTheRefreshToken(): Promise<void> {
  return moveEmulatorClock(
    `${SHORT_SESSION_APP_URL}/emulator`,
    SHORT_REFRESH_TOKEN_TTL_SECONDS + 1,
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

// Where sign-in starts and where it returns to. `returnTo` follows the rule the app server
// applies too (`shared/returnTo.ts`), so a crafted link cannot bounce a user to another site.
import { sanitizeReturnTo } from '../../../shared/returnTo';
import { paths } from '../../lib/paths';

export const SIGN_IN_PATH = paths.signIn.href();

export function signInPath(returnTo: string): string {
  return `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(sanitizeReturnTo(returnTo))}`;
}

export function outreachLoginUrl(returnTo: string | null): string {
  return `/auth/login?returnTo=${encodeURIComponent(sanitizeReturnTo(returnTo))}`;
}

// Where sign-in starts and where it returns to. `returnTo` is only ever a path on this origin,
// so a crafted link cannot bounce a user to another site after signing in.
import { paths } from '../../lib/paths';

export const SIGN_IN_PATH = paths.signIn.href();
const HOME = paths.callPurposes.list.href();

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return HOME;
  }
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}?`)) return HOME;
  return value;
}

export function signInPath(returnTo: string): string {
  return `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

export function outreachLoginUrl(returnTo: string | null): string {
  return `/auth/login?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

/**
 * The reasons the app server puts in `/sign-in?error=` when a sign-in does not complete; the SPA
 * has a sentence for each (a code it does not know gets one fixed sentence, never its text).
 */
export const SIGN_IN_ERRORS = [
  'access_denied',
  'invalid_state',
  'sign_in_failed',
  'upstream_unavailable',
  'rate_limited',
  'storage_unavailable',
] as const;

export type SignInError = (typeof SIGN_IN_ERRORS)[number];

import { AuthorizePageError } from './errors';

/** The consent form's marker that it showed a checkbox per requested scope. */
export const SCOPE_CHOICE_FIELD = 'scope_choice';
/** One `grant=<scope>` per checked scope: a repeated field, taken out before singleParams. */
export const GRANT_FIELD = 'grant';

/**
 * RFC 6749 §3.3: the authorization server may grant fewer scopes than requested. The consent
 * page lets the user withhold some (so a client's handling of a narrower grant can be tried);
 * `checked` is undefined when the form never showed the choice, which grants all requested.
 */
export function grantedScopes(
  requested: readonly string[],
  checked: readonly string[] | undefined,
): string[] {
  if (checked === undefined) return [...requested];
  const granted = requested.filter((scope) => checked.includes(scope));
  if (granted.length === 0) throw new AuthorizePageError('Grant at least one scope, or Deny.');
  return granted;
}

/** RFC 6749 §5.2 error responses, and the HTML page for requests that must not redirect. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  // Not in RFC 6749, which has no rate limit; the status (429) and Retry-After say the rest.
  | 'too_many_requests';

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly statusCode = code === 'invalid_client' ? 401 : 400,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

/**
 * An authorization request with an unknown client or an unregistered redirect URI must not
 * redirect (RFC 6749 §4.1.2.1: that would make the emulator an open redirector); the person
 * at the browser sees this instead.
 */
export class AuthorizePageError extends Error {
  constructor(readonly description: string) {
    super(description);
    this.name = 'AuthorizePageError';
  }
}

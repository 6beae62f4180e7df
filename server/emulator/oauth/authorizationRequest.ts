/** Validates `/oauth/authorize` parameters (RFC 6749 §4.1.1, RFC 7636 §4.3). */
import { parseScopeList } from '../../../shared/scopes';
import type { Repositories } from '../repositories';
import { AuthorizePageError } from './errors';
import { isValidChallenge } from './pkce';
import { isAcceptedRedirectUri } from './redirectUris';

export type AuthorizationRequest = {
  clientId: string;
  clientName: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
};

/** Errors the client must hear about through its redirect URI (§4.1.2.1). */
export type RedirectableError = {
  redirectUri: string;
  state?: string;
  error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope';
  description: string;
};

// The app signs in with callPurposes.all; a bare authorize URL gets the same.
const DEFAULT_SCOPE = 'callPurposes.all';

export function validateAuthorizationRequest(
  params: Map<string, string>,
  repos: Repositories,
  registeredRedirectUris: readonly string[],
): { ok: true; request: AuthorizationRequest } | { ok: false; error: RedirectableError } {
  const clientId = params.get('client_id');
  const client = clientId === undefined ? undefined : repos.oauth.findClient(clientId);
  if (clientId === undefined || !client) {
    throw new AuthorizePageError(`Unknown client_id ${JSON.stringify(clientId ?? '')}.`);
  }
  const redirectUri = params.get('redirect_uri');
  if (redirectUri === undefined || !isAcceptedRedirectUri(redirectUri, registeredRedirectUris)) {
    throw new AuthorizePageError(
      `redirect_uri ${JSON.stringify(redirectUri ?? '')} is not registered for this client.`,
    );
  }
  const state = params.get('state');
  const fail = (error: RedirectableError['error'], description: string) => ({
    ok: false as const,
    error: { redirectUri, state, error, description },
  });
  if (params.get('response_type') !== 'code') {
    return fail('unsupported_response_type', 'Only response_type=code is supported.');
  }
  const scopes = parseScopeList(params.get('scope') ?? DEFAULT_SCOPE);
  if (!scopes) {
    return fail(
      'invalid_scope',
      'Scopes are callPurposes.*, calls.* or users.*, with read, write, delete or all.',
    );
  }
  const codeChallenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (codeChallenge === undefined && method !== undefined) {
    return fail('invalid_request', 'code_challenge_method without code_challenge.');
  }
  if (codeChallenge !== undefined) {
    // RFC 7636 defaults to "plain" when the method is absent; the emulator supports S256 only.
    if (method !== 'S256')
      return fail('invalid_request', 'Only code_challenge_method=S256 is supported.');
    if (!isValidChallenge(codeChallenge))
      return fail('invalid_request', 'code_challenge is malformed.');
  }
  const request: AuthorizationRequest = { clientId, clientName: client.name, redirectUri, scopes };
  if (state !== undefined) request.state = state;
  if (codeChallenge !== undefined) request.codeChallenge = codeChallenge;
  return { ok: true, request };
}

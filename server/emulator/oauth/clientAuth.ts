/** Client authentication at the token endpoint (RFC 6749 §2.3.1): HTTP Basic or form body. */
import { timingSafeEqual } from 'node:crypto';
import type { Repositories } from '../repositories';
import type { ClientRow } from '../repositories/oauth';
import { sha256Hex } from '../domain/sha256';
import { OAuthError } from './errors';

function fromBasic(header: string): { clientId: string; clientSecret: string } {
  const encoded = /^Basic[ ]+([A-Za-z0-9+/]+=*)[ ]*$/i.exec(header)?.[1];
  const decoded = encoded === undefined ? '' : Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) throw new OAuthError('invalid_client', 'Malformed Basic credentials.');
  try {
    // §2.3.1: id and secret are form-urlencoded before they are joined with ":".
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return {
      clientId: decode(decoded.slice(0, colon)),
      clientSecret: decode(decoded.slice(colon + 1)),
    };
  } catch {
    throw new OAuthError('invalid_client', 'Malformed Basic credentials.');
  }
}

function sameSecret(secret: string, storedSha256: string): boolean {
  const given = Buffer.from(sha256Hex(secret), 'hex');
  const stored = Buffer.from(storedSha256, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function authenticateClient(
  authorization: string | undefined,
  params: Map<string, string>,
  repos: Repositories,
): ClientRow {
  let credentials: { clientId: string; clientSecret: string };
  if (authorization !== undefined && /^Basic\b/i.test(authorization)) {
    // §2.3: a client must not use more than one authentication method per request.
    if (params.has('client_secret')) {
      throw new OAuthError(
        'invalid_request',
        'Send client credentials either in Basic or in the body, not both.',
      );
    }
    credentials = fromBasic(authorization);
    const bodyId = params.get('client_id');
    if (bodyId !== undefined && bodyId !== credentials.clientId) {
      throw new OAuthError(
        'invalid_request',
        'client_id in the body differs from the Basic credentials.',
      );
    }
  } else {
    const clientId = params.get('client_id');
    const clientSecret = params.get('client_secret');
    if (clientId === undefined || clientSecret === undefined) {
      throw new OAuthError('invalid_client', 'Client authentication is required.');
    }
    credentials = { clientId, clientSecret };
  }
  const client = repos.oauth.findClient(credentials.clientId);
  if (!client || !sameSecret(credentials.clientSecret, client.secretSha256)) {
    throw new OAuthError('invalid_client', 'Unknown client or wrong client secret.');
  }
  return client;
}

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock';
import type { Repositories } from '../repositories';
import { sha256Hex } from '../domain/sha256';
import { newSecret } from '../services/tokens';
import { validateAuthorizationRequest, type RedirectableError } from './authorizationRequest';
import { authenticateClient } from './clientAuth';
import { authorizeErrorPage, consentPage, PAGE_STYLE_SOURCE } from './consentPage';
import { AuthorizePageError, OAuthError } from './errors';
import { singleParams } from './formParams';
import { GRANT_FIELD, grantedScopes, SCOPE_CHOICE_FIELD } from './grantedScopes';
import { redirectWith } from './redirectUris';
import {
  authorizeDecisionRouteSchema,
  authorizePageRouteSchema,
  tokenRouteSchema,
} from './schemas';
import { exchangeAuthorizationCode, refreshAccessToken, type TokenSettings } from './tokenGrants';

export type OAuthDeps = {
  repos: Repositories;
  clock: Clock;
  settings: TokenSettings & {
    codeTtlSeconds: number;
    redirectUris: readonly string[];
    /** A line above every page; see EmulatorOptions.pageNotice. */
    pageNotice?: string;
  };
};

const PAGE_SECURITY_HEADERS = {
  'content-security-policy': `default-src 'none'; style-src ${PAGE_STYLE_SOURCE}; base-uri 'none'; frame-ancestors 'none'`,
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

function queryOf(request: FastifyRequest): URLSearchParams {
  const index = request.url.indexOf('?');
  return new URLSearchParams(index === -1 ? '' : request.url.slice(index + 1));
}

function formOf(request: FastifyRequest): URLSearchParams {
  if (request.body === undefined) return new URLSearchParams();
  if (request.body instanceof URLSearchParams) return request.body;
  throw new OAuthError('invalid_request', 'Send an application/x-www-form-urlencoded body.');
}

function redirectError(reply: FastifyReply, error: RedirectableError): FastifyReply {
  return reply.redirect(
    redirectWith(error.redirectUri, {
      error: error.error,
      error_description: error.description,
      state: error.state,
    }),
    303,
  );
}

export const oauthRoutes: FastifyPluginCallbackTypebox<OAuthDeps> = (
  app,
  { repos, clock, settings },
  done,
) => {
  app.get('/authorize', { schema: authorizePageRouteSchema }, async (request, reply) => {
    const params = singleParams(queryOf(request));
    const validated = validateAuthorizationRequest(params, repos, settings.redirectUris);
    if (!validated.ok) return redirectError(reply, validated.error);
    return reply
      .headers(PAGE_SECURITY_HEADERS)
      .type('text/html; charset=utf-8')
      .send(consentPage(validated.request, repos.users.listAll(), settings.pageNotice));
  });

  app.post('/authorize', { schema: authorizeDecisionRouteSchema }, async (request, reply) => {
    const form = formOf(request);
    const checked = form.getAll(GRANT_FIELD);
    form.delete(GRANT_FIELD);
    const params = singleParams(form);
    const validated = validateAuthorizationRequest(params, repos, settings.redirectUris);
    if (!validated.ok) return redirectError(reply, validated.error);
    const { request: authorization } = validated;
    if (params.get('decision') !== 'approve') {
      return reply.redirect(
        redirectWith(authorization.redirectUri, {
          error: 'access_denied',
          state: authorization.state,
        }),
        303,
      );
    }
    const userId = Number(params.get('user_id'));
    const user = Number.isSafeInteger(userId) ? repos.users.findById(userId) : undefined;
    if (!user) throw new AuthorizePageError('Choose one of the listed users.');
    const scopes = grantedScopes(
      authorization.scopes,
      params.has(SCOPE_CHOICE_FIELD) ? checked : undefined,
    );
    const code = newSecret();
    const now = clock.now();
    repos.transaction(() => {
      const grantId = repos.oauth.createGrant(
        authorization.clientId,
        user.id,
        scopes.join(' '),
        now,
      );
      repos.oauth.createCode({
        sha256: sha256Hex(code),
        grantId,
        redirectUri: authorization.redirectUri,
        codeChallenge: authorization.codeChallenge ?? null,
        expiresAt: now + settings.codeTtlSeconds * 1000,
      });
    });
    return reply.redirect(
      redirectWith(authorization.redirectUri, { code, state: authorization.state }),
      303,
    );
  });

  app.post('/token', { schema: tokenRouteSchema }, async (request, reply) => {
    // RFC 6749 §5.1: token responses must not be cached.
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    const params = singleParams(formOf(request));
    const client = authenticateClient(request.headers.authorization, params, repos);
    const grantType = params.get('grant_type');
    const now = clock.now();
    if (grantType === undefined) throw new OAuthError('invalid_request', 'grant_type is required.');
    if (grantType === 'authorization_code') {
      return exchangeAuthorizationCode(repos, client, params, settings, now);
    }
    if (grantType === 'refresh_token')
      return refreshAccessToken(repos, client, params, settings, now);
    throw new OAuthError('unsupported_grant_type', `grant_type "${grantType}" is not supported.`);
  });
  done();
};

export function sendAuthorizePageError(
  reply: FastifyReply,
  description: string,
  { status = 400, notice }: { status?: number; notice?: string | undefined } = {},
): FastifyReply {
  return reply
    .status(status)
    .headers(PAGE_SECURITY_HEADERS)
    .type('text/html; charset=utf-8')
    .send(authorizeErrorPage(description, notice));
}

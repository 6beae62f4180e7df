// /auth: the OAuth authorization-code flow (with state and PKCE) against the upstream, and the
// session endpoints the SPA uses. Nothing here is emulator-specific.
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { Clock } from '../../clock';
import type { AppConfig } from '../config';
import { errorDocumentSchema } from '../../shared/jsonApiErrors';
import { unauthenticated } from '../errors';
import { sanitizeReturnTo } from '../../../shared/returnTo';
import { SessionStoreUnavailableError } from '../sessions/store';
import type { AuthCookies } from './cookies';
import type { SessionCookieHelpers } from './currentSession';
import { TokenGrantError, UpstreamUnavailableError, type OAuthClient } from './oauthClient';
import type { PendingLoginSealer } from './pendingLogin';
import type { SignInError } from '../../../shared/signInErrors';
import { codeChallenge, randomToken } from './pkce';
import { sessionIdHash, type SessionService } from './sessions';

export interface AuthRoutesOptions {
  config: AppConfig;
  clock: Clock;
  pendingLogins: PendingLoginSealer;
  oauth: OAuthClient;
  sessions: SessionService;
  cookies: AuthCookies;
  current: SessionCookieHelpers;
}

/** `error` is a SignInError or, passed through, the code the upstream's authorize page returned. */
function signInUrl(error: SignInError | (string & {}), returnTo?: string): string {
  const params = new URLSearchParams({ error });
  if (returnTo !== undefined) params.set('returnTo', returnTo);
  return `/sign-in?${params.toString()}`;
}

/** What the upstream's authorize page sends back (RFC 6749 §4.1.2): a code or an error. */
const callbackQuerySchema = Type.Object({
  code: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
});

const sessionSchema = Type.Object({
  user: Type.Object({
    id: Type.Union([Type.Integer(), Type.String(), Type.Null()]),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
  }),
  scopes: Type.Array(Type.String()),
  expiresAt: Type.String({ format: 'date-time' }),
});

/** `GET /auth/config`: the settings the browser may know (none of them secret). */
const browserConfigSchema = Type.Object({ publicDemo: Type.Boolean() });

export const authRoutes: FastifyPluginCallbackTypebox<AuthRoutesOptions> = (app, options, done) => {
  const { config, clock, pendingLogins, oauth, sessions, cookies, current } = options;
  const redirectUri = `${config.publicUrl}/auth/callback`;

  // No /auth route reads a body; accept (and ignore) whatever one comes, so a logout sent with
  // `Content-Type: application/json` and no body is not a 400.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null));

  app.get(
    '/login',
    { schema: { querystring: Type.Object({ returnTo: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      const state = randomToken();
      const codeVerifier = randomToken();
      const pending = pendingLogins.seal({
        state,
        codeVerifier,
        returnTo: sanitizeReturnTo(request.query.returnTo),
        expiresAt: clock.now() + config.loginTtlSeconds * 1000,
      });
      const authorize = new URL(config.upstream.authorizeUrl);
      authorize.search = new URLSearchParams({
        client_id: config.upstream.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: config.upstream.scope,
        state,
        code_challenge: codeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      }).toString();
      return reply
        .header('cache-control', 'no-store')
        .setCookie(cookies.login, pending, cookies.loginOptions(config.loginTtlSeconds))
        .redirect(authorize.href, 302);
    },
  );

  app.get('/callback', { schema: { querystring: callbackQuerySchema } }, async (request, reply) => {
    const { code, state, error } = request.query;
    reply.header('cache-control', 'no-store').clearCookie(cookies.login, cookies.clearLogin);

    // One callback per sign-in: the cookie is cleared above, and the code is single-use.
    const pending = pendingLogins.open(request.cookies[cookies.login], clock.now());
    if (pending === undefined || state === undefined || state !== pending.state) {
      request.log.warn('sign-in callback with an unknown, expired or foreign state');
      return reply.redirect(signInUrl('invalid_state'), 302);
    }
    if (error !== undefined) {
      const reason = /^[a-z_]{1,64}$/.test(error) ? error : 'sign_in_failed';
      return reply.redirect(signInUrl(reason, pending.returnTo), 302);
    }
    if (code === undefined || code === '') {
      return reply.redirect(signInUrl('sign_in_failed', pending.returnTo), 302);
    }

    try {
      const grant = await oauth.exchangeCode(code, pending.codeVerifier);
      const identity = await oauth.identify(grant.accessToken).catch((identifyError) => {
        request.log.warn({ err: identifyError }, 'could not learn who signed in');
        return { user: null, scopes: null };
      });
      const user = identity.user ?? { id: null, name: 'Outreach user', email: null };
      const scopes = grant.scopes ?? identity.scopes ?? [config.upstream.scope];
      // Signing in again in this browser ends the session it had, on every app server.
      const previous = current.id(request);
      if (previous !== undefined) await sessions.end({ idHash: sessionIdHash(previous) });
      const { id } = await sessions.open(grant, user, scopes);
      return reply
        .setCookie(cookies.session, id, cookies.sessionOptions(config.SESSION_TTL_SECONDS))
        .redirect(pending.returnTo, 302);
    } catch (exchangeError) {
      if (exchangeError instanceof SessionStoreUnavailableError) {
        request.log.warn({ reason: exchangeError.message }, 'sign-in failed: session store');
        return reply.redirect(signInUrl('storage_unavailable', pending.returnTo), 302);
      }
      if (exchangeError instanceof UpstreamUnavailableError) {
        request.log.warn({ err: exchangeError }, 'sign-in failed: upstream unavailable');
        return reply.redirect(signInUrl('upstream_unavailable', pending.returnTo), 302);
      }
      if (exchangeError instanceof TokenGrantError) {
        request.log.warn(
          { status: exchangeError.status, error: exchangeError.errorCode },
          'sign-in failed: code exchange refused',
        );
        const reason = exchangeError.status === 429 ? 'rate_limited' : 'sign_in_failed';
        return reply.redirect(signInUrl(reason, pending.returnTo), 302);
      }
      throw exchangeError;
    }
  });

  // What every page of the SPA shows before anyone signs in: a public demo says so.
  app.get(
    '/config',
    { schema: { response: { 200: browserConfigSchema } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { publicDemo: config.publicDemo };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        response: { 200: sessionSchema, 401: errorDocumentSchema, 503: errorDocumentSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const session = await current.read(request);
      if (session === undefined) return unauthenticated(reply);
      return {
        user: session.user,
        scopes: session.scopes,
        expiresAt: new Date(session.expiresAt).toISOString(),
      };
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        response: { 204: Type.Null(), 403: errorDocumentSchema, 503: errorDocumentSchema },
      },
    },
    // Cross-origin sign-outs are refused by the plugin's onRequest hook (403 below).
    async (request, reply) => {
      const id = current.id(request);
      if (id !== undefined) await sessions.end({ idHash: sessionIdHash(id) });
      current.clear(reply);
      return reply.code(204).header('cache-control', 'no-store').send(null);
    },
  );
  done();
};

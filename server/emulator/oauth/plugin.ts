import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AuthorizePageError, OAuthError } from './errors';
import { startOAuthHousekeeping } from './housekeeping';
import { oauthRoutes, sendAuthorizePageError, type OAuthDeps } from './routes';

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/** `notice`: the line the plugin's pages show above their content (EmulatorOptions.pageNotice). */
function oauthErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
  notice: string | undefined,
) {
  if (error instanceof AuthorizePageError) {
    return sendAuthorizePageError(reply, error.description, { notice });
  }
  if (error instanceof OAuthError) {
    if (error.code === 'invalid_client') reply.header('www-authenticate', 'Basic realm="outreach"');
    return reply
      .status(error.statusCode)
      .send({ error: error.code, error_description: error.description });
  }
  const status =
    'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    return reply
      .status(status)
      .send({ error: 'invalid_request', error_description: error.message });
  }
  request.log.error({ err: error }, 'emulator OAuth request failed');
  return reply
    .status(500)
    .send({ error: 'server_error', error_description: 'Something went wrong.' });
}

/** Sign-in attempts per client address per minute, for each of POST /authorize and /token. */
export const OAUTH_RATE_LIMIT_PER_MINUTE = 120;

/**
 * The consent form's POST comes from the consent page: an Origin naming another host is a
 * cross-site form (someone else's page choosing the user), refused like the app's own writes.
 * Browsers that send no Origin say where the request came from in Sec-Fetch-Site; a request
 * with neither is not from a browser and carries nobody's cookies.
 */
function isSameOriginForm(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== '') {
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== '') return site === 'same-origin' || site === 'none';
  return true;
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '';

/** `/oauth/*`: form-encoded bodies only, and RFC 6749 error responses instead of JSON:API. */
export const oauthPlugin: FastifyPluginAsync<OAuthDeps & { rateLimitPerMinute?: number }> = async (
  app,
  deps,
) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string' }, (_request, body, done) => {
    done(null, new URLSearchParams(body.toString()));
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    if (body.toString().trim() === '') done(null, undefined);
    else done(new OAuthError('invalid_request', `Send an ${FORM_MEDIA_TYPE} body.`));
  });
  app.setErrorHandler((error: FastifyError, request, reply) =>
    oauthErrorHandler(error, request, reply, deps.settings.pageNotice),
  );
  // Per client address and endpoint: each attempt writes a grant, a code or a token, and each
  // guesses at a code or a client secret. The consent page itself (GET) is not limited.
  await app.register(fastifyRateLimit, {
    max: deps.rateLimitPerMinute ?? OAUTH_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request) => request.method !== 'POST',
    keyGenerator: (request) => `${request.ip} ${pathOf(request)}`,
    errorResponseBuilder: (_request, context) =>
      new OAuthError(
        'too_many_requests',
        `Too many sign-in requests from this address; try again in ${context.after}.`,
        429,
      ),
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'POST' && pathOf(request).endsWith('/authorize')) {
      if (!isSameOriginForm(request)) {
        void sendAuthorizePageError(
          reply,
          'This sign-in form was sent from another site. Start the sign-in again from the app.',
          { status: 403, notice: deps.settings.pageNotice },
        );
        return;
      }
    }
    done();
  });
  const housekeeping = startOAuthHousekeeping(deps.repos, deps.clock);
  app.addHook('onRequest', (_request, _reply, done) => {
    housekeeping.runIfDue();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    housekeeping.stop();
    done();
  });
  // Pass only the dependencies: `deps` also carries this plugin's own `prefix`.
  await app.register(oauthRoutes, {
    repos: deps.repos,
    clock: deps.clock,
    settings: deps.settings,
  });
};

import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AuthorizePageError, OAuthError } from './errors';
import { oauthRoutes, sendAuthorizePageError, type OAuthDeps } from './routes';

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

function oauthErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AuthorizePageError) return sendAuthorizePageError(reply, error.description);
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

/** `/oauth/*`: form-encoded bodies only, and RFC 6749 error responses instead of JSON:API. */
export const oauthPlugin: FastifyPluginAsync<OAuthDeps> = async (app, deps) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string' }, (_request, body, done) => {
    done(null, new URLSearchParams(body.toString()));
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    if (body.toString().trim() === '') done(null, undefined);
    else done(new OAuthError('invalid_request', `Send an ${FORM_MEDIA_TYPE} body.`));
  });
  app.setErrorHandler(oauthErrorHandler);
  // Pass only the dependencies: `deps` also carries this plugin's own `prefix`.
  await app.register(oauthRoutes, {
    repos: deps.repos,
    clock: deps.clock,
    settings: deps.settings,
  });
};
